using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Notifications;
using PolicyPortal.Infrastructure.Scheduling;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Review;

/// <summary>The deadline job on PostgreSQL with a clock the test sets: expiry, reminders and escalation, each once.</summary>
public sealed class DeadlineJobTests() : PostgresAppTest("deadlines")
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 2, 0, 0, TimeSpan.Zero); // Monday 10:00 in Beijing

    private async Task<(long Expired, long DueSoon, long Overdue)> SeedAsync()
    {
        _ = Factory.Services;
        await using var db = Database.CreateContext();
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
        Application Make(long n, ApplicationStatus status, int? dueDay, DateTimeOffset? supplementDue) => new()
        {
            EnterpriseId = enterprise.Id, District = "shijingshan", Year = 2026, Status = status, CatalogVersion = 1,
            TrackingNumber = TrackingNumber.Create("shijingshan", 2026, n).Value, CreatedAt = Now, UpdatedAt = Now, SubmittedAt = Now,
            ReviewDueDay = dueDay, SupplementDeadline = supplementDue, SupplementRequest = supplementDue is null ? null : "补充合同",
        };
        // The supplement was due on Friday 11 December at 23:59:59 Beijing time: it ran out while the portal was down.
        var expired = Make(1, ApplicationStatus.ReturnedForSupplement, null, BeijingTime.EndOf(new DateOnly(2026, 12, 11)).ToUniversalTime());
        var dueSoon = Make(2, ApplicationStatus.UnderReview, DayNumber.Of(new DateOnly(2026, 12, 16)), null);  // within 3 working days
        var notYet = Make(3, ApplicationStatus.UnderReview, DayNumber.Of(new DateOnly(2026, 12, 31)), null);
        var overdue = Make(4, ApplicationStatus.Submitted, DayNumber.Of(new DateOnly(2026, 12, 11)), null);    // due last Friday
        db.Applications.AddRange(expired, dueSoon, notYet, overdue);
        await db.SaveChangesAsync();
        return (expired.Id, dueSoon.Id, overdue.Id);
    }

    private static DeadlineJob Job(PolicyPortal.Infrastructure.Data.PortalDbContext db)
    {
        var clock = new FixedClock(Now);
        return new DeadlineJob(db, clock, NullLogger<DeadlineJob>.Instance, new Notifier(db, clock), new ReviewRules(db, Options.Create(new ReviewOptions())), new AuditLog(db, clock));
    }

    [Fact]
    public async Task A_run_expires_reminds_and_escalates_once_and_a_second_run_or_a_second_instance_does_nothing_more()
    {
        var (expiredId, dueSoonId, overdueId) = await SeedAsync();

        // Two scheduler instances at the same moment on fresh work: between them, each action exactly once.
        await using var a = Database.CreateContext();
        await using var b = Database.CreateContext();
        var both = await Task.WhenAll(Job(a).ProcessAsync(), Job(b).ProcessAsync());
        Assert.Equal((1, 2, 1), (both[0].Expired + both[1].Expired, both[0].Reminded + both[1].Reminded, both[0].Escalated + both[1].Escalated));

        // Another run later: nothing more.
        await using (var again = Database.CreateContext())
            Assert.Equal((0, 0, 0), await Job(again).ProcessAsync());

        await using var db = Database.CreateContext();
        Assert.Equal(ApplicationStatus.Expired, (await db.Applications.SingleAsync(x => x.Id == expiredId)).Status);
        var owner = await db.Users.Where(u => u.UserName == DemoAccounts.EnterpriseUser).Select(u => u.Id).SingleAsync();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == owner && n.Title.StartsWith("申报已过期")));
        var reviewer = await db.Users.Where(u => u.UserName == DemoAccounts.ReviewerUser("shijingshan")).Select(u => u.Id).SingleAsync();
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.UserId == reviewer && n.Title.StartsWith("审核即将到期")));
        var admin = await db.Users.Where(u => u.UserName == DemoAccounts.AdminUser).Select(u => u.Id).SingleAsync();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == admin && n.Title.StartsWith("审核已超期")));
        Assert.NotNull((await db.Applications.SingleAsync(x => x.Id == overdueId)).EscalatedAt);
        Assert.Null((await db.Applications.SingleAsync(x => x.Id == dueSoonId)).EscalatedAt);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ApplicationId == expiredId && e.Action == nameof(ApplicationAction.Expire) && e.Actor == "system"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ApplicationId == overdueId && e.Action == "EscalateOverdue"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "RemindReviewers"));
    }

    [Fact]
    public async Task Reviewers_are_reminded_as_many_working_days_ahead_as_their_policy_says()
    {
        var (_, dueSoonId, overdueId) = await SeedAsync(); // 石景山: due Wed 16 Dec, Thu 31 Dec, and overdue (Fri 11 Dec)
        await using (var db = Database.CreateContext())
        {
            var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == DemoAccounts.EnterpriseCreditCode);
            db.Applications.Add(new Application
            {
                EnterpriseId = enterprise.Id, District = "tongzhou", Year = 2026, Status = ApplicationStatus.UnderReview, CatalogVersion = 1,
                TrackingNumber = TrackingNumber.Create("tongzhou", 2026, 1).Value, CreatedAt = Now, UpdatedAt = Now, SubmittedAt = Now,
                ReviewDueDay = DayNumber.Of(new DateOnly(2026, 12, 16)),
            });
            // 石景山 reminds one working day ahead (Tue 15 Dec); 通州 has no settings and keeps the default three (Thu 17 Dec).
            db.PolicySettings.Add(new PolicySettings { District = "shijingshan", ReviewWorkingDays = 20, ReminderWorkingDays = 1, UpdatedAt = Now, UpdatedBy = "admin" });
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateContext())
            Assert.Equal(2, (await Job(db).ProcessAsync()).Reminded);

        await using var check = Database.CreateContext();
        var reminded = await check.Applications.Where(a => a.ReminderSentAt != null).Select(a => a.District + "/" + a.ReviewDueDay).OrderBy(x => x).ToListAsync();
        Assert.Equal(["shijingshan/20261211", "tongzhou/20261216"], reminded);
        Assert.Null((await check.Applications.SingleAsync(a => a.Id == dueSoonId)).ReminderSentAt);
        Assert.NotNull((await check.Applications.SingleAsync(a => a.Id == overdueId)).ReminderSentAt);
    }
}
