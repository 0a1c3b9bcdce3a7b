using Microsoft.Extensions.Logging;
using PolicyPortal.Infrastructure.Data;
using Quartz;

namespace PolicyPortal.Infrastructure.Scheduling;

/// <summary>
/// The base of every scheduled job: it logs, times and records each run (success or failure) in JobRuns, which the
/// health report reads. Time comes from the injected TimeProvider so tests can control it.
/// </summary>
public abstract class PortalJob(PortalDbContext db, TimeProvider clock, ILogger logger) : IJob
{
    protected PortalDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;
    protected ILogger Logger { get; } = logger;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.JobDetail.Key.Name;
        var started = Clock.GetUtcNow();
        string? error = null;
        try
        {
            await RunAsync(context, cancellationToken);
        }
#pragma warning disable CA1031 // A job records any failure as data and lets Quartz retry on the next fire.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex.Message;
            Logger.LogError(ex, "Job {Job} failed", name);
        }

        Db.ChangeTracker.Clear();
        Db.JobRuns.Add(new JobRun
        {
            JobName = name,
            Instance = context.Scheduler.SchedulerInstanceId,
            StartedAt = started,
            FinishedAt = Clock.GetUtcNow(),
            Succeeded = error is null,
            Error = error is null ? null : error[..Math.Min(error.Length, 4000)],
        });
        await Db.SaveChangesAsync(CancellationToken.None);
        Logger.LogInformation("Job {Job} finished on {Instance}: {Outcome}", name, context.Scheduler.SchedulerInstanceId, error is null ? "ok" : "failed");
    }

    protected abstract Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken);
}
