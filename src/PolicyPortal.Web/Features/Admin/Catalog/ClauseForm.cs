using System.Globalization;
using PolicyPortal.Domain;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Web.Features.Admin.Catalog;

/// <summary>
/// The clause editor's form fields ↔ <see cref="ClauseFigures"/>: rates as percentages, money in yuan, a blank field meaning
/// "none". Unreadable entries become field errors in both languages; nothing is guessed.
/// </summary>
internal static class ClauseForm
{
    public static (ClauseFigures Figures, List<FigureError> Errors) Read(IFormCollection form, PolicyDocument doc, ClausePart part)
    {
        var errors = new List<FigureError>();
        decimal? Number(string field, bool percent = false)
        {
            var text = form[field].ToString().Trim().Replace(",", "", StringComparison.Ordinal);
            if (text.Length == 0) return null;
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > 1_000_000_000_000m)
            {
                errors.Add(new(field, new("须为数字", "Must be a number")));
                return null;
            }
            return percent ? value / 100m : value;
        }
        int? Whole(string field)
        {
            var text = form[field].ToString().Trim();
            if (text.Length == 0) return null;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add(new(field, new("须为整数", "Must be a whole number")));
            return null;
        }

        var limits = new List<PartLimit>();
        foreach (var scope in Enum.GetValues<LimitScope>())
            if (Number($"limit.{scope}") is { } amount) limits.Add(new PartLimit { Scope = scope, Amount = amount });
        var pool = form["pool"].ToString() is { Length: > 0 } p ? p : null;
        var exclusivity = Enum.TryParse<ExclusivityScope>(form["exclusivity"].ToString(), out var e) ? e : (ExclusivityScope?)null;
        var shared = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var limit in doc.SharedLimits.Where(s => s.Parts.Contains(part.Code, StringComparer.Ordinal)))
        {
            if (Number($"shared.{limit.Key}") is { } amount) shared[limit.Key] = amount;
            else errors.Add(new($"shared.{limit.Key}", new("共享上限金额必填", "The shared limit is required")));
        }
        var figures = new ClauseFigures
        {
            Rate = Number("rate", percent: true), Amount = Number("amount"), Cap = Number("cap"), MinBase = Number("minBase"),
            ConsecutiveYears = Whole("consecutiveYears"), Pool = pool, PoolYearlyAmount = pool is null ? null : Number("poolYearly"),
            Open = form["open"] == "true", Exclusivity = exclusivity, Limits = limits, SharedLimits = shared,
            Tiers = [.. part.Tiers.Select(t => new TierFigures(t.Key, Number($"tier.{t.Key}.rate", percent: true), Number($"tier.{t.Key}.amount"), Number($"tier.{t.Key}.cap")))],
        };
        return (figures, errors);
    }

    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.####", CultureInfo.InvariantCulture) : "";

    public static string Yuan(decimal? amount) => amount is { } a ? a.ToString("0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>The message for a field (Chinese or English), or null.</summary>
    public static string? For(IEnumerable<FigureError> errors, string field, bool english) =>
        errors.FirstOrDefault(e => FormField(e.Field) == field) is { } error ? english ? error.Message.En : error.Message.Zh : null;

    /// <summary>The form's name for a field the domain names: tiers[k].rate → tier.k.rate, shared[k] → shared.k, limits[i] → limits.</summary>
    public static string FormField(string field) =>
        field.StartsWith("limits", StringComparison.Ordinal) ? "limits"
        : field.Replace("tiers[", "tier.", StringComparison.Ordinal).Replace("shared[", "shared.", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);

    public static BilingualText Summary(IReadOnlyCollection<FigureError> errors) =>
        new($"有 {errors.Count} 处需要修改", $"{errors.Count} fields need correcting");
}
