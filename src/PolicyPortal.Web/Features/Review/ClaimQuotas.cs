using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;

namespace PolicyPortal.Web.Features.Review;

/// <summary>
/// Charges an approval against its quota rows and gives it back when the approval is voided. Both run inside the caller's
/// transaction. A charge is a conditional update (used + amount ≤ cap) recorded per claim and key, so voiding returns exactly
/// what was taken even if the catalog's caps have changed since.
/// </summary>
internal sealed class ClaimQuotas(PortalDbContext db, AuditLog audit)
{
    /// <summary>Charges every key or none (the caller rolls back on false): false when a cap or pool would be exceeded.</summary>
    public async Task<bool> ChargeAsync(long claimId, IReadOnlyList<(string Key, long CapFen)> keys, long amountFen, CancellationToken ct)
    {
        foreach (var (key, cap) in keys)
        {
            await EnsureAsync(key, cap, ct);
            var charged = await db.Quotas.Where(q => q.Key == key && q.UsedFen + amountFen <= q.CapFen)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.UsedFen, q => q.UsedFen + amountFen), ct);
            if (charged == 0) return false;
            db.QuotaCharges.Add(new QuotaCharge { ClaimId = claimId, Key = key, AmountFen = amountFen });
        }
        return true;
    }

    /// <summary>
    /// Voids every decision on the application's claims (a later stage sent it back, it was returned for supplement or
    /// withdrawn): approvals give their quota back, each claim is pending again, and each voided decision is audited.
    /// Returns how many decisions were voided.
    /// </summary>
    public async Task<int> VoidDecisionsAsync(long applicationId, string district, AuditActor actor, string why, CancellationToken ct)
    {
        var decided = await db.Claims.AsNoTracking()
            .Where(c => c.Decision != null && db.Set<Project>().Any(p => p.Id == c.ProjectId && p.ApplicationId == applicationId))
            .Select(c => new { c.Id, c.Clause, c.Decision, c.ApprovedFen, c.DecisionReason }).ToListAsync(ct);
        foreach (var claim in decided)
        {
            var charges = await db.QuotaCharges.Where(q => q.ClaimId == claim.Id).ToListAsync(ct);
            foreach (var charge in charges)
                await db.Quotas.Where(q => q.Key == charge.Key).ExecuteUpdateAsync(s => s.SetProperty(q => q.UsedFen, q => q.UsedFen - charge.AmountFen), ct);
            await db.QuotaCharges.Where(q => q.ClaimId == claim.Id).ExecuteDeleteAsync(ct);
            await db.Claims.Where(c => c.Id == claim.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Decision, (ClaimDecision?)null).SetProperty(c => c.ApprovedFen, (long?)null)
                    .SetProperty(c => c.DecisionReason, (string?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
            audit.Claim(actor, applicationId, district, claim.Id, "VoidDecision",
                new { clause = claim.Clause, decision = claim.Decision?.ToString(), approvedFen = claim.ApprovedFen, reason = claim.DecisionReason },
                new { clause = claim.Clause, decision = (string?)null, quotaReturnedFen = charges.Sum(c => c.AmountFen) }, why);
        }
        return decided.Count;
    }

    private async Task EnsureAsync(string key, long capFen, CancellationToken ct)
    {
        // Create the row once; a concurrent creator wins harmlessly.
        var sql = db.Database.IsNpgsql()
            ? "INSERT INTO \"Quotas\" (\"Key\", \"CapFen\", \"UsedFen\") VALUES ({0}, {1}, 0) ON CONFLICT (\"Key\") DO NOTHING"
            : "INSERT OR IGNORE INTO \"Quotas\" (\"Key\", \"CapFen\", \"UsedFen\") VALUES ({0}, {1}, 0)";
        await db.Database.ExecuteSqlRawAsync(sql, [key, capFen], ct);
    }
}
