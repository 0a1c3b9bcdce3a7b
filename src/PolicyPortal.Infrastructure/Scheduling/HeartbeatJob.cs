using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PolicyPortal.Infrastructure.Data;
using Quartz;

namespace PolicyPortal.Infrastructure.Scheduling;

/// <summary>
/// Proves the scheduler is alive (its run shows in /healthz) and keeps the run record short: only the newest
/// <see cref="Keep"/> runs are kept. DisallowConcurrentExecution: one run at a time across the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HeartbeatJob(PortalDbContext db, TimeProvider clock, ILogger<HeartbeatJob> logger) : PortalJob(db, clock, logger)
{
    public static readonly JobKey Key = new("heartbeat", "housekeeping");
    public const int Keep = 1000;

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Ids grow with time, so "older than the newest Keep" is an id comparison (no DateTimeOffset ordering on SQLite).
        var oldest = await Db.JobRuns.OrderByDescending(r => r.Id).Skip(Keep - 1).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (oldest > 0)
        {
            var removed = await Db.JobRuns.Where(r => r.Id < oldest).ExecuteDeleteAsync(cancellationToken);
            Logger.LogDebug("Heartbeat removed {Removed} old job runs", removed);
        }
    }
}
