using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Web.Features.Applications;

namespace PolicyPortal.Web.Features.Admin.Catalog;

/// <summary>One pending claim's amount now and under the proposed catalog.</summary>
public sealed record WhatIfRow(long ApplicationId, string? TrackingNumber, string Enterprise, string Clause, long BeforeFen, long AfterFen)
{
    public long DeltaFen => AfterFen - BeforeFen;
}

/// <summary>A budget pool's expected use this year: approved so far plus every pending claim as computed, now and after.</summary>
public sealed record WhatIfPool(string Key, string Name, long YearlyBeforeFen, long YearlyAfterFen, long ApprovedFen, long PendingBeforeFen, long PendingAfterFen);

public sealed record WhatIfReport(IReadOnlyList<WhatIfRow> Rows, IReadOnlyList<WhatIfPool> Pools, int Applications)
{
    public long BeforeFen => Rows.Sum(r => r.BeforeFen);
    public long AfterFen => Rows.Sum(r => r.AfterFen);
    public IEnumerable<WhatIfRow> Changed => Rows.Where(r => r.DeltaFen != 0);
}

/// <summary>
/// What a proposed catalog would do: every pending application of the district (submitted, under review, awaiting second
/// review or returned for supplement) is computed against today's ledger with the catalog in force and with the proposal —
/// the same engine and the same ledger the review desk uses, so the figures are the ones the engine gives after the change.
/// </summary>
internal sealed class WhatIf(PortalDbContext db, ApplicationLedger ledger)
{
    private static readonly ApplicationStatus[] Pending =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.AwaitingSecondReview, ApplicationStatus.ReturnedForSupplement];

    public async Task<WhatIfReport> RunAsync(string district, int year, PolicyDocument current, PolicyDocument proposed, CancellationToken ct = default)
    {
        var before = new CalculationEngine(current);
        var after = new CalculationEngine(proposed);
        var applications = await db.Applications.AsNoTracking().Include(a => a.Projects).ThenInclude(p => p.Claims).AsSplitQuery()
            .Where(a => a.District == district && Pending.Contains(a.Status)).OrderBy(a => a.Id).ToListAsync(ct);
        var names = await db.Enterprises.AsNoTracking().Where(e => applications.Select(a => a.EnterpriseId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var rows = new List<WhatIfRow>();
        var pendingBefore = new Dictionary<string, long>(StringComparer.Ordinal);
        var pendingAfter = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var application in applications)
        {
            var undecided = application.Projects.SelectMany(p => p.Claims).Where(c => c.Decision is null).ToList();
            if (undecided.Count == 0) continue;
            var requestBefore = await ledger.BuildAsync(application, current, ct: ct);
            var requestAfter = await ledger.BuildAsync(application, proposed, ct: ct);
            CalculationResult b, a;
            try
            {
                b = before.Calculate(requestBefore);
                a = after.Calculate(requestAfter);
            }
            catch (CalculationInputException)
            {
                continue; // an application whose inputs no longer compute is the desk's business; it has no figure to compare
            }
            foreach (var claim in undecided)
            {
                var id = ApplicationLedger.EngineId(claim.Id);
                var was = b.Find(id)?.GrantedFen ?? 0;
                var will = a.Find(id)?.GrantedFen ?? 0;
                rows.Add(new WhatIfRow(application.Id, application.TrackingNumber, names.GetValueOrDefault(application.EnterpriseId, "—"), claim.Clause, was, will));
                Add(pendingBefore, current, claim.Clause, was);
                Add(pendingAfter, proposed, claim.Clause, will);
            }
        }

        var pools = new List<WhatIfPool>();
        foreach (var pool in proposed.Pools)
        {
            var codes = proposed.Articles.SelectMany(x => x.Parts).Where(p => p.Pool == pool.Key).Select(p => p.Code).ToList();
            var approved = await (from c in db.Claims
                                  join p in db.Set<Infrastructure.Data.Applications.Project>() on c.ProjectId equals p.Id
                                  join x in db.Applications on p.ApplicationId equals x.Id
                                  where x.District == district && x.Year == year && codes.Contains(c.Clause) && c.ApprovedFen != null
                                  select c.ApprovedFen!.Value).SumAsync(ct);
            var yearlyBefore = current.Pools.FirstOrDefault(p => p.Key == pool.Key)?.YearlyAmount ?? 0;
            pools.Add(new WhatIfPool(pool.Key, pool.Name, ToFen(yearlyBefore), ToFen(pool.YearlyAmount), approved,
                pendingBefore.GetValueOrDefault(pool.Key), pendingAfter.GetValueOrDefault(pool.Key)));
        }
        return new WhatIfReport(rows, pools, applications.Count);
    }

    private static long ToFen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);

    private static void Add(Dictionary<string, long> totals, PolicyDocument doc, string clause, long fen)
    {
        if (doc.Articles.SelectMany(a => a.Parts).FirstOrDefault(p => p.Code == clause)?.Pool is { } pool)
            totals[pool] = totals.GetValueOrDefault(pool) + fen;
    }
}
