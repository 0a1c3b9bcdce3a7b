using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Notifications;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Applications;

/// <summary>Subscriptions, and the job that announces a window once it opens — once, and also after downtime.</summary>
public sealed class SubscriptionTests() : PostgresAppTest("subscribe")
{
    [Fact]
    public async Task A_district_subscriber_hears_once_when_a_window_opens_even_if_it_opened_while_the_portal_was_down()
    {
        using var client = await Forms.SignedInAsync(Factory, DemoAccounts.EnterpriseUser);
        using var subscribed = await Forms.SubmitAsync(client, "/enterprise/matches", new Dictionary<string, string> { ["_handler"] = "subscribe-district" });
        Assert.Contains("取消订阅", await subscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        var userId = await db.Users.Where(u => u.UserName == DemoAccounts.EnterpriseUser).Select(u => u.Id).SingleAsync();
        Assert.Equal(1, await db.Subscriptions.CountAsync(s => s.UserId == userId && s.District == "shijingshan" && s.Clause == null));
        // Next year's window: opens on 1 March, closes 30 April.
        var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year + 1;
        db.PolicyWindows.Add(new PolicyWindow { District = "shijingshan", Year = year, Opens = new DateOnly(year, 3, 1), Closes = new DateOnly(year, 4, 30) });
        await db.SaveChangesAsync();

        async Task<int> RunAtAsync(DateTimeOffset instant)
        {
            await using var jobDb = Database.CreateContext();
            var clock = new FixedClock(instant);
            var job = new WindowOpeningJob(jobDb, clock, NullLogger<WindowOpeningJob>.Instance, new Notifier(jobDb, clock));
            return await job.AnnounceAsync();
        }

        int Notices() => db.Notifications.AsNoTracking().Count(n => n.UserId == userId && n.Title.StartsWith("申报期已开放") && n.Title.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await RunAtAsync(BeijingTime.EndOf(new DateOnly(year, 2, 28)));      // 23:59:59.999 the day before: not yet
        Assert.Equal(0, Notices());
        await RunAtAsync(BeijingTime.StartOf(new DateOnly(year, 3, 4)));     // the portal was down from 1 to 3 March: caught up
        Assert.Equal(1, Notices());
        await RunAtAsync(BeijingTime.StartOf(new DateOnly(year, 3, 5)));     // run again: nothing twice
        Assert.Equal(1, Notices());
        Assert.NotNull((await db.PolicyWindows.AsNoTracking().SingleAsync(w => w.Year == year)).OpeningAnnouncedAt);
    }
}
