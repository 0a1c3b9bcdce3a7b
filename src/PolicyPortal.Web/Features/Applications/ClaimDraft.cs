using System.Globalization;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>A claim as typed into the form (amounts as text until parsed); reading it keeps every value for redisplay.</summary>
public sealed class ClaimDraft
{
    public string Clause { get; init; } = "";
    public string? Tier { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Requested { get; init; }
    public Dictionary<string, decimal> Inputs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Attested { get; } = new(StringComparer.Ordinal);
    /// <summary>Field → Chinese message for values that are not numbers.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public static ClaimDraft Read(IFormCollection form, PolicyDocument catalog)
    {
        var clause = form["clause"].ToString();
        var part = catalog.Articles.SelectMany(a => a.Parts).FirstOrDefault(p => p.Code == clause);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var draft = new ClaimDraft
        {
            Clause = clause,
            Tier = form["tier"].ToString() is { Length: > 0 } t ? t : null,
            Amount = Parse(form["amount"], "amount", errors),
            Requested = Parse(form["requested"], "requested", errors),
        };
        foreach (var (k, v) in errors) draft.Errors[k] = v;
        foreach (var input in part?.Inputs ?? [])
            if (Parse(form[$"in_{input.Key}"], $"in_{input.Key}", draft.Errors) is { } value)
                draft.Inputs[input.Key] = input.Unit == "fraction" && value > 1 ? value / 100m : value;
        foreach (var text in form["attest"]) if (text is not null) draft.Attested.Add(text);
        return draft;
    }

    public ClaimInput ToInput(string id, string project) => new()
    {
        Id = id, Clause = Clause, Tier = Tier, Project = project, Amount = Amount, Requested = Requested, Inputs = Inputs,
    };

    private static decimal? Parse(Microsoft.Extensions.Primitives.StringValues raw, string field, Dictionary<string, string> errors)
    {
        var text = raw.ToString().Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (text.Length == 0) return null;
        if (text.Length <= 20 && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return v;
        errors[field] = "请输入不小于 0 的数字，例如 5000000";
        return null;
    }
}
