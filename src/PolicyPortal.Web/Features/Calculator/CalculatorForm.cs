using System.Globalization;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>
/// The calculator's inputs, read from the query string (the calculator is a GET form: bookmarkable, no state).
/// Every field keeps what was typed; a value that is not a number gets a message next to it.
/// </summary>
public sealed class CalculatorForm
{
    public const string InputPrefix = "in_";

    public string District { get; private init; } = "shijingshan";
    public string? Clause { get; private init; }
    public string? Tier { get; private init; }
    public string Amount { get; private init; } = "";
    public string Requested { get; private init; } = "";
    public string Year { get; private init; } = "";
    public Dictionary<string, string> Inputs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    internal static CalculatorForm Read(IQueryCollection query, int defaultYear)
    {
        var district = query["district"].ToString();
        var form = new CalculatorForm
        {
            District = Districts.IsKnown(district) ? district : "shijingshan",
            Clause = NullIfEmpty(query["clause"]),
            Tier = NullIfEmpty(query["tier"]),
            Amount = Trim(query["amount"]),
            Requested = Trim(query["requested"]),
            Year = NullIfEmpty(query["year"]) ?? defaultYear.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in query)
            if (key.StartsWith(InputPrefix, StringComparison.Ordinal) && key.Length > InputPrefix.Length && key.Length < 64)
                form.Inputs[key[InputPrefix.Length..]] = Trim(value);
        return form;
    }

    /// <summary>The calculation request, or null when nothing computable was entered or a field is not a number.</summary>
    internal CalculationRequest? ToRequest(ClausePart part, bool english)
    {
        var year = ParseYear(english);
        var amount = ParseMoney("amount", Amount, english);
        var requested = ParseMoney("requested", Requested, english);
        var inputs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var field in part.Inputs)
            if (ParseMoney($"{InputPrefix}{field.Key}", Inputs.GetValueOrDefault(field.Key, ""), english) is { } v)
                inputs[field.Key] = field.Unit == "fraction" && v > 1 ? v / 100m : v; // 3.1 (%) means 0.031
        if (Errors.Count > 0 || year is null) return null;
        var needsAmount = part.Kind is RuleKind.Rate or RuleKind.Matching or RuleKind.Rent or RuleKind.LoanInterest;
        if (needsAmount && amount is null) return null;
        if (part.Inputs.Any(i => !inputs.ContainsKey(i.Key))) return null;
        return new CalculationRequest
        {
            District = District,
            Year = year.Value,
            Claims = [new ClaimInput { Id = "calc", Clause = part.Code, Tier = Tier, Project = "calculator", Amount = amount, Requested = requested, Inputs = inputs }],
        };
    }

    private int? ParseYear(bool english)
    {
        if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100) return y;
        Errors["year"] = english ? "Enter a year between 2000 and 2100" : "请输入 2000–2100 之间的年度";
        return null;
    }

    private decimal? ParseMoney(string field, string text, bool english)
    {
        if (text.Length == 0) return null;
        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Replace("¥", "", StringComparison.Ordinal);
        if (cleaned.Length <= 20 && decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= 10_000_000_000_000m)
            return value;
        Errors[field] = english ? "Enter a non-negative number, e.g. 5000000" : "请输入不小于 0 的数字，例如 5000000";
        return null;
    }

    private static string Trim(Microsoft.Extensions.Primitives.StringValues value) => value.ToString().Trim();

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s.Trim() : null;
}
