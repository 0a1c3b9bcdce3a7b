using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;

namespace PolicyPortal.Web.Features.Admin.Budgets;

/// <summary>One clause part's money in a year: approved, and still under review (the amounts frozen at submission).</summary>
public sealed record BudgetPart(string Clause, string Title, string? Pool, long ApprovedFen, long PendingFen);

/// <summary>One yearly budget pool of the catalog with what its parts have taken and may still take.</summary>
public sealed record BudgetPool(string Key, string Name, string Article, long BudgetFen, long ApprovedFen, long PendingFen)
{
    /// <summary>Pool − approved: what approvals may still take (the pool's quota row allows exactly this).</summary>
    public long RemainingFen => BudgetFen - ApprovedFen;
    /// <summary>Pool − approved − pending: what is left if every pending claim were approved at its frozen amount.</summary>
    public long RemainingAfterPendingFen => BudgetFen - ApprovedFen - PendingFen;
}

/// <summary>A district policy's budget in one year.</summary>
public sealed record BudgetReport(string District, string PolicyName, int Year, IReadOnlyList<BudgetPart> Parts, IReadOnlyList<BudgetPool> Pools,
    long ApprovedFen, long PendingFen, int QuietParts);

/// <summary>One district's totals in a year, for the portal-wide overview.</summary>
public sealed record DistrictBudget(string District, long ApprovedFen, long PendingFen, long PoolsFen);

/// <summary>
/// The budget dashboard's figures, summed in the database (money is whole fen in bigint columns, so the sums are exact on both
/// providers). Approved: every claim whose decision is Approved — the amounts charged against the caps and pools, whether the
/// application is decided, awaiting 复审 or still partly under review (a voided decision is no longer Approved). Pending: the
/// frozen amounts of undecided claims of applications submitted, under review, awaiting 复审 or returned for 补正.
/// </summary>
internal sealed class BudgetDashboard(PortalDbContext db, CatalogStore catalogs)
{
    public static readonly ApplicationStatus[] PendingStatuses =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.AwaitingSecondReview, ApplicationStatus.ReturnedForSupplement];

    public async Task<BudgetReport> ForAsync(string district, int year, CancellationToken ct = default)
    {
        var doc = (await catalogs.GetActiveAsync(district, ct)).Document;
        var claims = from c in db.Claims
                     join p in db.Set<Project>() on c.ProjectId equals p.Id
                     join a in db.Applications on p.ApplicationId equals a.Id
                     where a.District == district && a.Year == year
                     select new { c.Clause, c.Decision, c.ApprovedFen, c.FrozenGrantedFen, a.Status };
        var approved = await claims.Where(x => x.Decision == ClaimDecision.Approved)
            .GroupBy(x => x.Clause).Select(g => new { Clause = g.Key, Fen = g.Sum(x => x.ApprovedFen ?? 0) }).ToDictionaryAsync(x => x.Clause, x => x.Fen, StringComparer.Ordinal, ct);
        var pending = await claims.Where(x => x.Decision == null && PendingStatuses.Contains(x.Status))
            .GroupBy(x => x.Clause).Select(g => new { Clause = g.Key, Fen = g.Sum(x => x.FrozenGrantedFen ?? 0) }).ToDictionaryAsync(x => x.Clause, x => x.Fen, StringComparer.Ordinal, ct);

        var catalogParts = doc.Articles.SelectMany(a => a.Parts).ToList();
        var parts = new List<BudgetPart>();
        foreach (var part in catalogParts)
        {
            var a = approved.GetValueOrDefault(part.Code);
            var p = pending.GetValueOrDefault(part.Code);
            // Parts with neither money nor a pool would only lengthen the table; they are counted instead.
            if (a != 0 || p != 0 || part.Pool is not null) parts.Add(new BudgetPart(part.Code, part.Title, part.Pool, a, p));
        }
        // Claims under a code the active catalog no longer has still count.
        foreach (var code in approved.Keys.Union(pending.Keys, StringComparer.Ordinal).Where(c => catalogParts.All(p => p.Code != c)).Order(StringComparer.Ordinal))
            parts.Add(new BudgetPart(code, "", null, approved.GetValueOrDefault(code), pending.GetValueOrDefault(code)));

        var pools = doc.Pools.Select(pool => new BudgetPool(pool.Key, pool.Name, pool.Article, Fen(pool.YearlyAmount),
            parts.Where(x => x.Pool == pool.Key).Sum(x => x.ApprovedFen), parts.Where(x => x.Pool == pool.Key).Sum(x => x.PendingFen))).ToList();
        return new BudgetReport(district, doc.Name, year, parts, pools, approved.Values.Sum(), pending.Values.Sum(), catalogParts.Count - parts.Count(x => x.Title.Length > 0));
    }

    /// <summary>Every district's totals in a year (portal-wide administrators).</summary>
    public async Task<IReadOnlyList<DistrictBudget>> OverviewAsync(int year, CancellationToken ct = default)
    {
        var claims = from c in db.Claims
                     join p in db.Set<Project>() on c.ProjectId equals p.Id
                     join a in db.Applications on p.ApplicationId equals a.Id
                     where a.Year == year
                     select new { a.District, c.Decision, c.ApprovedFen, c.FrozenGrantedFen, a.Status };
        var approved = await claims.Where(x => x.Decision == ClaimDecision.Approved)
            .GroupBy(x => x.District).Select(g => new { District = g.Key, Fen = g.Sum(x => x.ApprovedFen ?? 0) }).ToDictionaryAsync(x => x.District, x => x.Fen, StringComparer.Ordinal, ct);
        var pending = await claims.Where(x => x.Decision == null && PendingStatuses.Contains(x.Status))
            .GroupBy(x => x.District).Select(g => new { District = g.Key, Fen = g.Sum(x => x.FrozenGrantedFen ?? 0) }).ToDictionaryAsync(x => x.District, x => x.Fen, StringComparer.Ordinal, ct);
        var rows = new List<DistrictBudget>();
        foreach (var district in Districts.All)
        {
            var doc = (await catalogs.GetActiveAsync(district, ct)).Document;
            rows.Add(new DistrictBudget(district, approved.GetValueOrDefault(district), pending.GetValueOrDefault(district), doc.Pools.Sum(p => Fen(p.YearlyAmount))));
        }
        return rows;
    }

    /// <summary>The years to choose from: those with applications in the district, and this year.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string? district, int thisYear, CancellationToken ct = default)
    {
        var q = db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft);
        if (district is not null) q = q.Where(a => a.District == district);
        var years = await q.Select(a => a.Year).Distinct().ToListAsync(ct);
        return [.. years.Append(thisYear).Distinct().OrderDescending()];
    }

    private static long Fen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);
}
