using System.Globalization;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Web.Features.Review;

/// <summary>The ceilings an approval counts against, as quota keys with their caps (fen), from the catalog.</summary>
internal static class QuotaKeys
{
    public static IReadOnlyList<(string Key, long CapFen)> For(PolicyDocument doc, string clause, long enterpriseId, string project, int year)
    {
        string Scoped(string name, LimitScope scope) => scope switch
        {
            LimitScope.EnterpriseYear => string.Create(CultureInfo.InvariantCulture, $"{doc.District}|{name}|e{enterpriseId}|y{year}"),
            LimitScope.EnterpriseTotal => string.Create(CultureInfo.InvariantCulture, $"{doc.District}|{name}|e{enterpriseId}"),
            LimitScope.ProjectYear => string.Create(CultureInfo.InvariantCulture, $"{doc.District}|{name}|e{enterpriseId}|p{project}|y{year}"),
            LimitScope.ProjectTotal => string.Create(CultureInfo.InvariantCulture, $"{doc.District}|{name}|e{enterpriseId}|p{project}"),
        };
        static long Fen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);

        var part = doc.Articles.SelectMany(a => a.Parts).Single(p => p.Code == clause);
        var keys = new List<(string, long)>();
        keys.AddRange(part.Limits.Select(l => (Scoped($"{clause}:{l.Scope}", l.Scope), Fen(l.Amount))));
        keys.AddRange(doc.SharedLimits.Where(s => s.Parts.Contains(clause, StringComparer.Ordinal)).Select(s => (Scoped(s.Key, s.Scope), Fen(s.Amount))));
        if (part.Pool is { } pool && doc.Pools.FirstOrDefault(p => p.Key == pool) is { } budget)
            keys.Add((string.Create(CultureInfo.InvariantCulture, $"{doc.District}|pool:{pool}|y{year}"), Fen(budget.YearlyAmount)));
        // Keys are taken in one order everywhere, so two approvals never lock them in opposite orders (no deadlock).
        return [.. keys.Select(k => (Key: k.Item1.Length > 200 ? k.Item1[..200] : k.Item1, CapFen: k.Item2)).OrderBy(k => k.Key, StringComparer.Ordinal)];
    }
}
