using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>Builds the engine's request for an application: its claims, the enterprise's prior awards and this year's pool use.</summary>
internal sealed class ApplicationLedger(PortalDbContext db)
{
    /// <summary>The engine's id for a stored claim: zero-padded so that ordinal order is creation order.</summary>
    public static string EngineId(long claimId) => claimId.ToString("D12", CultureInfo.InvariantCulture);

    public async Task<CalculationRequest> BuildAsync(Application application, PolicyDocument catalog, IEnumerable<ClaimInput>? extra = null, CancellationToken ct = default)
    {
        // A rejected claim takes no room under any ceiling: it is left out.
        var claims = application.Projects.SelectMany(p => p.Claims.Where(c => c.Decision != ClaimDecision.Rejected).Select(c => ToInput(p, c)))
            .Concat(extra ?? []).ToList();

        // Awards already approved to this enterprise in the district (other applications), and those it declared.
        var approved = await (from c in db.Claims
                              join p in db.Set<Project>() on c.ProjectId equals p.Id
                              join a in db.Applications on p.ApplicationId equals a.Id
                              where a.EnterpriseId == application.EnterpriseId && a.District == application.District
                                    && a.Id != application.Id && c.ApprovedFen != null && c.ApprovedFen > 0
                              select new { c.Clause, c.Tier, Project = p.Name, a.Year, c.ApprovedFen }).AsNoTracking().ToListAsync(ct);
        var declared = await db.Set<Infrastructure.Data.Enterprises.ExternalAward>().AsNoTracking()
            .Where(x => x.EnterpriseId == application.EnterpriseId).ToListAsync(ct);
        var known = catalog.Articles.SelectMany(a => a.Parts).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var prior = approved.Select(x => new PriorAward { Clause = x.Clause, Tier = x.Tier, Project = x.Project, Year = x.Year, Granted = x.ApprovedFen!.Value / 100m })
            .Concat(declared.Where(x => known.ContainsKey(x.Clause)).Select(x => new PriorAward { Clause = x.Clause, Tier = x.Tier, Project = x.Project, Year = x.Year, Granted = x.GrantedFen / 100m }))
            .ToList();

        // What every enterprise has drawn from each pool this year (approved awards): one query for all pools, summed per
        // clause and added up per pool here (a query per pool cost a district with four pools four scans of its year).
        var poolUsed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var poolCodes = known.Values.Where(p => p.Pool is not null && catalog.Pools.Any(x => x.Key == p.Pool)).Select(p => p.Code).ToList();
        if (poolCodes.Count > 0)
        {
            var perClause = await (from c in db.Claims
                                   join p in db.Set<Project>() on c.ProjectId equals p.Id
                                   join a in db.Applications on p.ApplicationId equals a.Id
                                   where a.District == application.District && a.Year == application.Year && poolCodes.Contains(c.Clause) && c.ApprovedFen != null
                                   group c.ApprovedFen!.Value by c.Clause into g
                                   select new { Clause = g.Key, Fen = g.Sum() }).ToListAsync(ct);
            foreach (var row in perClause)
            {
                var pool = known[row.Clause].Pool!;
                poolUsed[pool] = poolUsed.GetValueOrDefault(pool) + row.Fen / 100m;
            }
            foreach (var key in poolUsed.Where(kv => kv.Value <= 0).Select(kv => kv.Key).ToList()) poolUsed.Remove(key);
        }

        return new CalculationRequest { District = application.District, Year = application.Year, Claims = claims, PriorAwards = prior, PoolUsed = poolUsed };
    }

    public static ClaimInput ToInput(Project project, Claim claim) => new()
    {
        Id = EngineId(claim.Id),
        Clause = claim.Clause,
        Tier = claim.Tier,
        Project = project.Name,
        Amount = claim.AmountFen / 100m,
        Requested = claim.RequestedFen / 100m,
        Inputs = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, decimal>>(claim.InputsJson),
    };
}
