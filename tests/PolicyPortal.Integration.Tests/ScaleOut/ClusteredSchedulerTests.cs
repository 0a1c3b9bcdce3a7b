using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Scheduling;
using PolicyPortal.Integration.Tests.Infrastructure;
using Quartz;
using Xunit.Abstractions;

namespace PolicyPortal.Integration.Tests.ScaleOut;

/// <summary>
/// Quartz clustered over PostgreSQL with two portal instances: every fire of a trigger runs on one instance only, and
/// a job that asked for recovery is run again by the surviving instance when the one running it dies.
/// (Quartz does not spread fires evenly: the instance that acquires first tends to keep acquiring; either may.)
/// </summary>
public sealed class ClusteredSchedulerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Each_heartbeat_fires_once_across_two_instances_and_runs_never_overlap()
    {
        await using var cluster = await TwoInstances.StartAsync("so_heartbeat", scheduler: true);
        var a = (await TwoInstances.SchedulerOf(cluster.A)).SchedulerInstanceId;
        var b = (await TwoInstances.SchedulerOf(cluster.B)).SchedulerInstanceId;
        Assert.NotEqual(a, b);

        // The heartbeat fires every second (PortalFactory); both instances compete for 10 fires ...
        var runs = await HeartbeatsAsync(cluster, 10);
        // ... then the instance that took most of them stands by, and the other must take the next 10.
        var busier = runs.Count(r => r.Instance == a) >= runs.Count(r => r.Instance == b) ? cluster.A : cluster.B;
        var standing = await TwoInstances.SchedulerOf(busier);
        await standing.Standby();
        var lastBefore = (await HeartbeatsAsync(cluster, 0)).Max(r => r.Id);
        runs = await HeartbeatsAsync(cluster, runs.Count + 12);
        var after = runs.Where(r => r.Id > lastBefore + 1).ToList(); // one fire may have been acquired just before standby
        Assert.True(after.Count >= 10, $"{after.Count} heartbeats after standby");
        Assert.All(after, r => Assert.NotEqual(standing.SchedulerInstanceId, r.Instance));
        await standing.Start();

        // Never two at once ([DisallowConcurrentExecution] holds across the cluster), and each from one of the two.
        var ordered = runs.OrderBy(r => r.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(ordered[i].StartedAt >= ordered[i - 1].FinishedAt, $"heartbeats overlap: {ordered[i - 1].StartedAt:O}–{ordered[i - 1].FinishedAt:O} on {ordered[i - 1].Instance} and {ordered[i].StartedAt:O} on {ordered[i].Instance}");
        Assert.All(runs, r => Assert.Contains(r.Instance, new[] { a, b }));

        // Once per fire: a 1-second trigger cannot produce more runs than seconds elapsed (+1 for the first fire);
        // two unclustered schedulers would produce about twice as many.
        var span = (ordered[^1].StartedAt - ordered[0].StartedAt).TotalSeconds;
        Assert.True(runs.Count <= Math.Floor(span) + 2, $"{runs.Count} heartbeats in {span:F1} s");
        output.WriteLine($"{runs.Count} heartbeats in {span:F1} s: {runs.Count(r => r.Instance == a)} on A, {runs.Count(r => r.Instance == b)} on B");
    }

    private static async Task<List<JobRun>> HeartbeatsAsync(TwoInstances cluster, int atLeast)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var db = cluster.Database.CreateContext();
            var runs = await db.JobRuns.AsNoTracking().Where(r => r.JobName == HeartbeatJob.Key.Name).OrderBy(r => r.Id).ToListAsync();
            if (runs.Count >= atLeast && runs.Count > 0) return runs;
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"only {runs.Count} of {atLeast} heartbeats in 60 s");
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task A_recoverable_job_whose_instance_dies_is_run_again_once_by_the_other_instance()
    {
        await using var cluster = await TwoInstances.StartAsync("so_recovery", scheduler: true);
        var onA = await TwoInstances.SchedulerOf(cluster.A);
        var onB = await TwoInstances.SchedulerOf(cluster.B);
        var probe = RecoveryProbeJob.Register();
        try
        {
            // Whichever instance takes the job starts it and is then stuck in it.
            var job = JobBuilder.Create<RecoveryProbeJob>().WithIdentity(probe.Key).RequestRecovery().Build();
            await onA.ScheduleJob(job, TriggerBuilder.Create().WithIdentity(probe.Key.Name + "-trigger", probe.Key.Group).StartNow().Build());
            var startedOn = await probe.FirstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var (dying, surviving) = startedOn == onA.SchedulerInstanceId ? (onA, onB) : (onB, onA);
            Assert.Equal(dying.SchedulerInstanceId, startedOn);

            // That instance dies mid-job: its scheduler stops checking in and leaves the job's fired-trigger row behind,
            // which is what the cluster sees of a killed process (a real kill -9 of a portal process: faults/kill-instance.sh).
            var died = Stopwatch.StartNew();
            await dying.Shutdown(waitForJobsToComplete: false);

            // The other notices after the check-in interval (10 s, plus Quartz's 7.5 s grace) and runs the job again, recovering.
            var recoveredOn = await probe.Recovered.Task.WaitAsync(TimeSpan.FromSeconds(90));
            output.WriteLine($"recovered on the other instance {died.Elapsed.TotalSeconds:F1} s after the first died");
            Assert.Equal(surviving.SchedulerInstanceId, recoveredOn);

            // Exactly once: one completed run, on the survivor; nothing more after another check-in interval.
            await Task.Delay(TimeSpan.FromSeconds(12));
            await using var db = cluster.Database.CreateContext();
            var done = await db.JobRuns.AsNoTracking().Where(r => r.JobName == probe.Key.Name).ToListAsync();
            Assert.Single(done);
            Assert.Equal(surviving.SchedulerInstanceId, done[0].Instance);
            Assert.Equal([(dying.SchedulerInstanceId, false), (surviving.SchedulerInstanceId, true)], probe.Attempts.ToArray().Reverse());
        }
        finally
        {
            probe.Release(); // let A's stuck thread end so its host can stop
        }
    }
}

/// <summary>
/// A job that, on its first attempt, gets stuck (as a process that is about to be killed) and does nothing; run again
/// as a recovery, it completes and records one JobRuns row. State is per job key, so tests do not share it.
/// </summary>
public sealed class RecoveryProbeJob(PortalDbContext db) : IJob
{
    private static readonly ConcurrentDictionary<JobKey, Probe> Probes = new();

    public sealed class Probe(JobKey key)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public JobKey Key { get; } = key;
        public TaskCompletionSource<string> FirstAttempt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<string> Recovered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentStack<(string Instance, bool Recovering)> Attempts { get; } = new();
        public Task Stuck => _release.Task;
        public void Release()
        {
            _release.TrySetResult();
            Probes.TryRemove(Key, out _);
        }
    }

    public static Probe Register()
    {
        var key = new JobKey($"recovery-probe-{Guid.NewGuid():N}", "scaleout-tests");
        return Probes[key] = new Probe(key);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Probes.TryGetValue(context.JobDetail.Key, out var probe)) return;
        var instance = context.Scheduler.SchedulerInstanceId;
        probe.Attempts.Push((instance, context.Recovering));
        if (!context.Recovering)
        {
            probe.FirstAttempt.TrySetResult(instance);
            await probe.Stuck; // a dead process never gets further
            return;
        }
        var now = DateTimeOffset.UtcNow;
        db.JobRuns.Add(new JobRun { JobName = context.JobDetail.Key.Name, Instance = instance, StartedAt = now, FinishedAt = now, Succeeded = true });
        await db.SaveChangesAsync(cancellationToken);
        probe.Recovered.TrySetResult(instance);
    }
}
