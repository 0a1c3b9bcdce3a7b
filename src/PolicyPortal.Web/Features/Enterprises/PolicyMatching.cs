using PolicyPortal.Domain.Catalog;
using PolicyPortal.Web.Features.Calculator;

namespace PolicyPortal.Web.Features.Enterprises;

/// <summary>One clause part as matched against an enterprise's file (一企一档).</summary>
public sealed record ClauseMatch(Article Article, ClausePart Part, bool QualificationsMet, IReadOnlyList<string> MissingQualifications, string Estimate);

/// <summary>
/// Policy matching (政策匹配): the open clause parts of the enterprise's district; a part whose qualifications are any-of is met
/// when the profile holds one of them (or it asks none). Estimates come from the catalog's own figures.
/// </summary>
internal static class PolicyMatching
{
    public static IReadOnlyList<ClauseMatch> Match(PolicyDocument doc, IReadOnlySet<string> held) =>
        [.. from article in doc.Articles
            from part in article.Parts
            where part.Open && part.Kind != RuleKind.Unquantified
            let met = part.Qualifications.Count == 0 || part.Qualifications.Any(held.Contains)
            orderby met descending, article.Number, part.Part
            select new ClauseMatch(article, part, met, met ? [] : part.Qualifications, Estimate(part, doc))];

    /// <summary>The range the text allows, in words: "按 30% 计，最高 1,000 万元"; "一次性 100 万元"; "最高 50 万元".</summary>
    public static string Estimate(ClausePart part, PolicyDocument doc)
    {
        static string Range(IEnumerable<decimal> values, Func<decimal, string> format)
        {
            var list = values.Distinct().Order().ToList();
            return list.Count switch { 0 => "", 1 => format(list[0]), _ => $"{format(list[0])}–{format(list[^1])}" };
        }
        var tiers = part.Tiers;
        var caps = tiers.Count > 0 ? tiers.Select(t => t.Cap ?? part.Cap).OfType<decimal>() : part.Cap is { } c ? [c] : [];
        var rates = tiers.Count > 0 ? tiers.Select(t => t.Rate ?? part.Rate).OfType<decimal>() : part.Rate is { } r ? [r] : [];
        var amounts = tiers.Count > 0 ? tiers.Select(t => t.Amount ?? part.Amount).OfType<decimal>() : part.Amount is { } a ? [a] : [];
        var text = part.Kind switch
        {
            RuleKind.Fixed => $"{(part.OneTime ? "一次性 " : "")}{Range(amounts, MoneyFormat.Wan)}",
            RuleKind.UpTo => $"最高 {Range(caps, MoneyFormat.Wan)}",
            RuleKind.LoanInterest => $"贴息不超过 LPR 的 {MoneyFormat.Percent(part.LprShare ?? 0)}，且不超过实付利息的 {MoneyFormat.Percent(part.InterestShare ?? 0)}",
            RuleKind.Matching => $"按上级支持资金 {Range(rates, MoneyFormat.Percent)} 配套" + (caps.Any() ? $"，最高 {Range(caps, MoneyFormat.Wan)}" : ""),
            RuleKind.Rate or RuleKind.Rent or RuleKind.EquipmentAndSoftware => $"按 {Range(rates, MoneyFormat.Percent)} 计" + (caps.Any() ? $"，最高 {Range(caps, MoneyFormat.Wan)}" : ""),
            RuleKind.Unquantified => "",
        };
        var yearly = part.Limits.Where(l => l.Scope == LimitScope.EnterpriseYear).Select(l => l.Amount)
            .Concat(doc.SharedLimits.Where(s => s.Scope == LimitScope.EnterpriseYear && s.Parts.Contains(part.Code, StringComparer.Ordinal)).Select(s => s.Amount))
            .DefaultIfEmpty().Min();
        if (yearly > 0) text += $"；单个企业每年最高 {MoneyFormat.Wan(yearly)}";
        if (part.ConsecutiveYears is { } years) text += $"；最多支持 {years} 年";
        return text;
    }
}
