using System.Globalization;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>Amounts as the UI shows them: 元 with thousands separators, and 万元 beside them.</summary>
internal static class MoneyFormat
{
    public static string Yuan(decimal yuan) =>
        yuan.ToString(decimal.Truncate(yuan) == yuan ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture) + " 元";

    public static string Wan(decimal yuan) =>
        (yuan / 10000m).ToString("#,##0.####", CultureInfo.InvariantCulture) + " 万元";

    public static string Both(decimal yuan) => $"{Yuan(yuan)}（{Wan(yuan)}）";

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
