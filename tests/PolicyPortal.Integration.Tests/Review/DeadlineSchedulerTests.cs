using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Review;

/// <summary>
/// The deadline job under real Quartz on PostgreSQL's clustered store: two portal instances on one database run it every
/// second, yet each deadline is acted on once and no two runs overlap; after both are stopped, a deadline that passes while
/// the portal is down is handled by the next instance at start.
/// </summary>
public sealed class DeadlineSchedulerTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(Provider.Postgres, "cluster");

    public async Task DisposeAsync() => await database.DisposeAsync();

    private PortalFactory Instance() => new(database, new Dictionary<string, string?>
    {
        ["Scheduler:Enabled"] = "true",
        ["Scheduler:DeadlineSeconds"] = "1",
        ["Scheduler:MailSeconds"] = "3600",
    });

    private async Task<long> SeedExpiringAsync(int sequence)
    {
        await using var db = database.CreateContext();
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
        var application = new Application
        {
            EnterpriseId = enterprise.Id, District = "shijingshan", Year = 2026, Status = ApplicationStatus.ReturnedForSupplement, CatalogVersion = 1,
            TrackingNumber = TrackingNumber.Create("shijingshan", 2026, sequence).Value, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = DateTimeOffset.UtcNow, SupplementRequest = "补充合同", SupplementDeadline = DateTimeOffset.UtcNow.AddSeconds(-1),
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Timed out waiting for {what}");
            await Task.Delay(250);
        }
    }

    private async Task<List<JobRun>> DeadlineRunsAsync()
    {
        await using var db = database.CreateContext();
        return await db.JobRuns.Where(r => r.JobName == "deadlines").OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task Two_instances_act_once_and_a_restart_catches_up_on_what_fell_due_while_down()
    {
        long first;
        await using (var a = Instance())
        await using (var b = Instance())
        {
            _ = a.Services; // both hosts start, migrate (idempotently) and join the Quartz cluster
            _ = b.Services;
            first = await SeedExpiringAsync(1);
            await WaitForAsync(async () => (await DeadlineRunsAsync()).Count(r => r.Succeeded) >= 6, "six deadline runs across the cluster");

            await using var db = database.CreateContext();
            Assert.Equal(ApplicationStatus.Expired, (await db.Applications.SingleAsync(x => x.Id == first)).Status);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ApplicationId == first && e.Action == nameof(ApplicationAction.Expire)));
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.Title.StartsWith("申报已过期")));
            // [DisallowConcurrentExecution] holds across the cluster: no two runs overlap in time, whichever instance ran them.
            var runs = await DeadlineRunsAsync();
            Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.First.FinishedAt <= pair.Second.StartedAt,
                $"runs overlap: {pair.First.Instance} {pair.First.StartedAt:O}–{pair.First.FinishedAt:O} and {pair.Second.Instance} {pair.Second.StartedAt:O}"));
            Assert.InRange(runs.Select(r => r.Instance).Distinct().Count(), 1, 2);
        }

        // The portal is down; a supplement deadline passes meanwhile.
        var missed = await SeedExpiringAsync(2);
        var before = (await DeadlineRunsAsync()).Count;
        await using (var c = Instance())
        {
            _ = c.Services;
            await WaitForAsync(async () =>
            {
                await using var db = database.CreateContext();
                return (await db.Applications.SingleAsync(x => x.Id == missed)).Status == ApplicationStatus.Expired;
            }, "the missed deadline to be handled after the restart");
            Assert.True((await DeadlineRunsAsync()).Count > before);
        }
        await using var check = database.CreateContext();
        Assert.Equal(2, await check.Notifications.CountAsync(n => n.Title.StartsWith("申报已过期")));
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.ApplicationId == missed && e.Action == nameof(ApplicationAction.Expire)));
    }
}
