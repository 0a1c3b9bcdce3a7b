using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>One clause part as the public API lists it: rates as fractions, money in yuan, null where not applicable.</summary>
public sealed record ClauseDto(
    string Code, string District, int Article, int Part, string ArticleLabel, string ArticleTitle, string Title, string Text,
    string Kind, decimal? Rate, decimal? Cap, decimal? Amount, decimal? MinBase, string? BaseLabel, decimal? AreaCeiling,
    decimal? LprShare, decimal? InterestShare, decimal? SoftwareShareCap, IReadOnlyList<TierDto> Tiers, IReadOnlyList<InputDto> Inputs,
    IReadOnlyList<LimitDto> Limits, int? ConsecutiveYears, string? Pool, bool OneTime, bool TopUp, bool Open,
    IReadOnlyList<string> Qualifications, IReadOnlyList<string> Attestations, IReadOnlyList<string> Evidence, string? Note, int CatalogVersion);

public sealed record TierDto(string Key, string Name, decimal? Rate, decimal? Cap, decimal? Amount, int Level);

/// <summary>A further input the rule reads besides <c>amount</c>: its key in <c>inputs</c>, label and unit (yuan, m2, fraction).</summary>
public sealed record InputDto(string Key, string Label, string? LabelEn, string Unit);

public sealed record LimitDto(string Scope, decimal Amount, string? Source, string? SharedKey);

internal static class ClauseListing
{
    public static IEnumerable<ClauseDto> From(PolicyDocument doc, int version) =>
        from article in doc.Articles
        from part in article.Parts
        select new ClauseDto(
            part.Code, doc.District, article.Number, part.Part, article.Label, article.Title, part.Title, part.Text,
            part.Kind.ToString(), part.Rate, part.Cap, part.Amount, part.MinBase, part.BaseLabel, part.AreaCeiling,
            part.LprShare, part.InterestShare, part.SoftwareShareCap,
            [.. part.Tiers.Select(t => new TierDto(t.Key, t.Name, t.Rate ?? part.Rate, t.Cap ?? part.Cap, t.Amount ?? part.Amount, t.Level))],
            [.. part.Inputs.Select(i => new InputDto(i.Key, i.Label, i.LabelEn, i.Unit))],
            [.. part.Limits.Select(l => new LimitDto(l.Scope.ToString(), l.Amount, l.Source, null)),
             .. doc.SharedLimits.Where(s => s.Parts.Contains(part.Code, StringComparer.Ordinal)).Select(s => new LimitDto(s.Scope.ToString(), s.Amount, s.Name, s.Key))],
            part.ConsecutiveYears, part.Pool, part.OneTime, part.TopUp, part.Open && part.Kind != RuleKind.Unquantified,
            part.Qualifications, part.Attestations, part.Evidence, part.Note, version);
}
