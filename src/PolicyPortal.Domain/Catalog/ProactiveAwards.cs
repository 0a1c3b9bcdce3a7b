namespace PolicyPortal.Domain.Catalog;

/// <summary>
/// 免申即享 (awards without application): the clause parts whose conditions the portal can read from what it holds — a fixed
/// award, open, with no further inputs and no tiers, for a qualification recorded in enterprise files — and who qualifies.
/// </summary>
public static class ProactiveAwards
{
    public static bool IsEligible(ClausePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Open && part.Kind == RuleKind.Fixed && part.Amount > 0 && part.Qualifications.Count > 0 && part.Inputs.Count == 0 && part.Tiers.Count == 0;
    }

    public static IReadOnlyList<ClausePart> EligibleParts(PolicyDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return [.. doc.Articles.SelectMany(a => a.Parts).Where(IsEligible)];
    }

    /// <summary>Holds one of the part's qualifications (the catalogs list alternatives), as the policy matching reads them.</summary>
    public static bool Qualifies(ClausePart part, IReadOnlySet<string> held)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(held);
        return part.Qualifications.Any(held.Contains);
    }
}
