using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Scheduling;
using Quartz;

namespace PolicyPortal.Infrastructure.Notifications;

/// <summary>
/// Keeps time for reviews and supplements: an unanswered supplement past its deadline closes as expired (notice to the
/// enterprise); reviewers are reminded when a review is due within the reminder window; an overdue review is escalated to
/// the district's administrators. Every action is a guarded update (from the state or mark it expects), so a run twice,
/// or two scheduler instances at once, act once; work missed while the portal was down is done at the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineJob(PortalDbContext db, TimeProvider clock, ILogger<DeadlineJob> logger, Notifier notifier, IOptions<ReviewOptions> review)
    : PortalJob(db, clock, logger)
{
    public static readonly JobKey Key = new("deadlines", "deadlines");
    public const int ReminderWorkingDays = 3;

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) => await ProcessAsync(cancellationToken);

    public async Task<(int Expired, int Reminded, int Escalated)> ProcessAsync(CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var calendar = new WorkingDayCalendar(review.Value.Holidays, review.Value.MakeUpWorkingDays);

        // Supplements: few at a time, and SQLite cannot compare timestamps in SQL, so the deadline is compared here.
        var returned = await Db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.ReturnedForSupplement && a.SupplementDeadline != null)
            .Select(a => new { a.Id, a.EnterpriseId, a.TrackingNumber, a.SupplementDeadline }).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var a in returned.Where(a => a.SupplementDeadline < now))
        {
            var changed = await Db.Applications.Where(x => x.Id == a.Id && x.Status == ApplicationStatus.ReturnedForSupplement)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ApplicationStatus.Expired).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            if (changed == 0) continue;
            expired++;
            Db.ApplicationEvents.Add(new Data.Applications.ApplicationEvent { ApplicationId = a.Id, At = now, Actor = "system", Action = nameof(ApplicationAction.Expire),
                FromStatus = nameof(ApplicationStatus.ReturnedForSupplement), ToStatus = nameof(ApplicationStatus.Expired), Note = "补正期限届满未补正" });
            await notifier.NotifyEnterpriseAsync(a.EnterpriseId, $"申报已过期：{a.TrackingNumber}", "补正期限已过，未收到补正材料，申报已按过期办结。", $"/enterprise/applications/{a.Id}", cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
        }

        // Reviews due soon: remind the district's reviewers once.
        var remindBy = DayNumber.Of(calendar.AddWorkingDays(today, ReminderWorkingDays));
        var todayNumber = DayNumber.Of(today);
        var pending = new[] { ApplicationStatus.Submitted, ApplicationStatus.UnderReview };
        var dueSoon = await Db.Applications.AsNoTracking().Where(a => pending.Contains(a.Status) && a.ReminderSentAt == null && a.ReviewDueDay != null && a.ReviewDueDay <= remindBy)
            .Select(a => new { a.Id, a.District, a.TrackingNumber, a.ReviewDueDay }).ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var a in dueSoon)
        {
            if (await Db.Applications.Where(x => x.Id == a.Id && x.ReminderSentAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), cancellationToken) == 0) continue;
            reminded++;
            foreach (var user in await UsersAsync(PortalRoles.Reviewer, a.District, cancellationToken))
                await notifier.NotifyAsync(user, $"审核即将到期：{a.TrackingNumber}", $"该申报的审核期限为 {DayNumber.Format(a.ReviewDueDay!.Value)}（北京时间 23:59:59）。", $"/review/{a.Id}", cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
        }

        // Overdue reviews: escalate to the district's administrators (portal-wide ones when the district has none) once.
        var overdue = await Db.Applications.AsNoTracking().Where(a => pending.Contains(a.Status) && a.EscalatedAt == null && a.ReviewDueDay != null && a.ReviewDueDay < todayNumber)
            .Select(a => new { a.Id, a.District, a.TrackingNumber, a.ReviewDueDay }).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var a in overdue)
        {
            if (await Db.Applications.Where(x => x.Id == a.Id && x.EscalatedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EscalatedAt, now), cancellationToken) == 0) continue;
            escalated++;
            var admins = await UsersAsync(PortalRoles.Admin, a.District, cancellationToken);
            if (admins.Count == 0) admins = await UsersAsync(PortalRoles.Admin, null, cancellationToken);
            foreach (var user in admins)
                await notifier.NotifyAsync(user, $"审核已超期：{a.TrackingNumber}", $"{a.District} 的申报审核期限 {DayNumber.Format(a.ReviewDueDay!.Value)} 已过，尚未办结。", "/review?overdue=1", cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
        }
        if (expired + reminded + escalated > 0)
            Logger.LogInformation("Deadlines: {Expired} expired, {Reminded} reminded, {Escalated} escalated", expired, reminded, escalated);
        return (expired, reminded, escalated);
    }

    private async Task<List<string>> UsersAsync(string role, string? district, CancellationToken ct) =>
        await (from u in Db.Users
               join ur in Db.UserRoles on u.Id equals ur.UserId
               join r in Db.Roles on ur.RoleId equals r.Id
               where r.Name == role && u.District == district
               select u.Id).ToListAsync(ct);
}
