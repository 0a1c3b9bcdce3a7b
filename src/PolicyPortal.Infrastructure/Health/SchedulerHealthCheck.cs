using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Scheduling;
using Quartz;

namespace PolicyPortal.Infrastructure.Health;

/// <summary>The scheduler is started and its heartbeat job has run recently (within three intervals).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory, PortalDbContext db, TimeProvider clock, IOptions<SchedulerOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var metadata = await scheduler.GetMetadata(cancellationToken);
            var last = await db.JobRuns.Where(r => r.JobName == HeartbeatJob.Key.Name).OrderByDescending(r => r.Id)
                .Select(r => new { r.FinishedAt, r.Instance, r.Succeeded }).FirstOrDefaultAsync(cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["status"] = scheduler.Status.ToString(),
                ["clustered"] = metadata.JobStoreClustered,
                ["jobsExecuted"] = metadata.JobsExecuted,
                ["instance"] = scheduler.SchedulerInstanceId,
                ["lastHeartbeat"] = last?.FinishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never",
            };
            if (scheduler.Status != SchedulerStatus.Running)
                return HealthCheckResult.Unhealthy("调度器未启动 / scheduler not started", data: data);
            var allowed = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds * 3 + 30);
            if (last is null)
                return HealthCheckResult.Degraded("调度器已启动，尚无心跳 / started, no heartbeat yet", data: data);
            if (clock.GetUtcNow() - last.FinishedAt > allowed)
                return HealthCheckResult.Degraded("心跳超时 / heartbeat overdue", data: data);
            return HealthCheckResult.Healthy("调度器运行中 / scheduler running", data);
        }
#pragma warning disable CA1031 // A health check reports every failure as data.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("调度器状态未知 / scheduler state unknown", ex);
        }
    }
}
