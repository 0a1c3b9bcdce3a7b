using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>The quota's one setting, read from section "Storage" (kept apart from the store's own settings).</summary>
internal sealed class EvidenceQuotaOptions
{
    public int EnterpriseQuotaMegabytes { get; set; } = 500;
    public long LimitBytes => EnterpriseQuotaMegabytes * 1024L * 1024L;
}

/// <summary>
/// A cap on the total bytes of evidence per enterprise (Storage:EnterpriseQuotaMegabytes, 500 by default). An upload is
/// checked twice: cheaply before its bytes are stored (so a refused file is normally never written), and again where it
/// counts, inside the transaction that inserts its row, after locking the enterprise's row. Concurrent uploads of one
/// enterprise therefore check and insert one after another and never overshoot the cap at all; a file that loses that race
/// has its stored bytes deleted again.
/// </summary>
internal sealed class EvidenceQuota(PortalDbContext db, IOptions<EvidenceQuotaOptions> options)
{
    public int LimitMegabytes => options.Value.EnterpriseQuotaMegabytes;

    /// <summary>The unlocked first look: would this many more bytes fit?</summary>
    public async Task<bool> HasRoomAsync(long claimId, long bytes, CancellationToken ct)
    {
        var enterpriseId = await EnterpriseOfClaimAsync(claimId, ct);
        return await UsedBytesAsync(enterpriseId, ct) + bytes <= options.Value.LimitBytes;
    }

    /// <summary>
    /// Saves the pending evidence row only if the enterprise's total stays within the quota; otherwise saves nothing,
    /// forgets the pending row and answers false.
    /// </summary>
    public async Task<bool> SaveWithinQuotaAsync(long claimId, long bytes, CancellationToken ct)
    {
        var enterpriseId = await EnterpriseOfClaimAsync(claimId, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        var saved = await strategy.ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            // A write that changes nothing, to take the lock: the row's lock on PostgreSQL, the database's write lock on
            // SQLite. Every upload of this enterprise queues here until the one before it has committed its row. It is the
            // transaction's first statement on purpose: SQLite may refuse, rather than queue, a transaction that read
            // before asking to write while another writer is active (its deadlock and stale-snapshot rules).
            await db.Enterprises.Where(e => e.Id == enterpriseId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, e => e.UpdatedAt), token);
            if (await UsedBytesAsync(enterpriseId, token) + bytes > options.Value.LimitBytes) return false;
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return true;
        }, ct);
        if (!saved)
            foreach (var pending in db.ChangeTracker.Entries<Evidence>().Where(e => e.State == EntityState.Added).ToList())
                pending.State = EntityState.Detached;
        return saved;
    }

    private Task<long> EnterpriseOfClaimAsync(long claimId, CancellationToken ct) =>
        (from c in db.Claims
         join p in db.Set<Project>() on c.ProjectId equals p.Id
         join a in db.Applications on p.ApplicationId equals a.Id
         where c.Id == claimId
         select a.EnterpriseId).SingleAsync(ct);

    private Task<long> UsedBytesAsync(long enterpriseId, CancellationToken ct) =>
        (from ev in db.Evidence
         join c in db.Claims on ev.ClaimId equals c.Id
         join p in db.Set<Project>() on c.ProjectId equals p.Id
         join a in db.Applications on p.ApplicationId equals a.Id
         where a.EnterpriseId == enterpriseId
         select ev.Size).SumAsync(ct);
}
