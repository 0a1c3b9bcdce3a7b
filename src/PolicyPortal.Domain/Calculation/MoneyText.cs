using System.Globalization;

namespace PolicyPortal.Domain.Calculation;

/// <summary>How explanations show figures: invariant culture, ¥ with thousands separators, fen only when not zero.</summary>
public static class MoneyText
{
    public static string Format(decimal yuan) => FormatFen(Fen.FromYuan(Fen.Round(yuan)));

    /// <summary>¥15,000,000 · ¥1,234.50 · ¥0.</summary>
    public static string FormatFen(long fen)
    {
        var negative = fen < 0;
        var abs = negative ? -fen : fen;
        var yuan = abs / 100;
        var cents = abs % 100;
        var text = cents == 0
            ? string.Create(CultureInfo.InvariantCulture, $"¥{yuan:#,##0}")
            : string.Create(CultureInfo.InvariantCulture, $"¥{yuan:#,##0}.{cents:00}");
        return negative ? "-" + text : text;
    }

    /// <summary>A fraction as a percentage: 0.3 → 30%, 0.0345 → 3.45%, 1 → 100%.</summary>
    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.######", CultureInfo.InvariantCulture) + "%";

    /// <summary>A plain number (areas, counts): 4000 → 4,000; 123.5 → 123.5.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.######", CultureInfo.InvariantCulture);
}
