using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Scheduling;
using Quartz;

namespace PolicyPortal.Infrastructure.Notifications;

/// <summary>
/// Keeps time for reviews and supplements: an unanswered supplement past its deadline closes as expired (notice to the
/// enterprise); reviewers are reminded when a review is due within the reminder window; an overdue review is escalated to
/// the district's administrators. Every action is a guarded update (from the state or mark it expects) committed with its
/// audit entry and notices in one transaction, so a run twice, or two scheduler instances at once, act once; work missed
/// while the portal was down is done at the next run (the trigger fires at start).
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineJob(PortalDbContext db, TimeProvider clock, ILogger<DeadlineJob> logger, Notifier notifier, ReviewRules rules, AuditLog audit)
    : PortalJob(db, clock, logger)
{
    public static readonly JobKey Key = new("deadlines", "deadlines");

    private static readonly ApplicationStatus[] Pending = [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.AwaitingSecondReview];

    protected override async Task RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) => await ProcessAsync(cancellationToken);

    public async Task<(int Expired, int Reminded, int Escalated)> ProcessAsync(CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var calendar = await rules.CalendarAsync(cancellationToken);

        // Supplements: few at a time, and SQLite cannot compare timestamps in SQL, so the deadline is compared here.
        var returned = await Db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.ReturnedForSupplement && a.SupplementDeadline != null)
            .Select(a => new { a.Id, a.District, a.EnterpriseId, a.TrackingNumber, a.SupplementDeadline }).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var a in returned.Where(a => a.SupplementDeadline < now))
        {
            if (await OnceAsync(async ct =>
                {
                    var changed = await Db.Applications.Where(x => x.Id == a.Id && x.Status == ApplicationStatus.ReturnedForSupplement)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ApplicationStatus.Expired).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), ct);
                    if (changed == 0) return false;
                    audit.Application(AuditActor.System, a.Id, a.District, nameof(ApplicationAction.Expire),
                        new { status = nameof(ApplicationStatus.ReturnedForSupplement), supplementDeadline = a.SupplementDeadline }, new { status = nameof(ApplicationStatus.Expired) }, "补正期限届满未补正");
                    await notifier.NotifyEnterpriseAsync(a.EnterpriseId, $"申报已过期：{a.TrackingNumber}", "补正期限已过，未收到补正材料，申报已按过期办结。", $"/enterprise/applications/{a.Id}", ct);
                    return true;
                }, cancellationToken)) expired++;
        }

        // Reviews due soon: remind the district's reviewers once, as many working days ahead as the policy's settings say.
        var policies = await rules.AllAsync(cancellationToken);
        int RemindBy(string district) => DayNumber.Of(calendar.AddWorkingDays(today, policies.GetValueOrDefault(district, rules.Default).ReminderWorkingDays));
        var latest = policies.Values.Append(rules.Default).Max(p => p.ReminderWorkingDays);
        var remindByLatest = DayNumber.Of(calendar.AddWorkingDays(today, latest));
        var todayNumber = DayNumber.Of(today);
        var candidates = await Db.Applications.AsNoTracking().Where(a => Pending.Contains(a.Status) && a.ReminderSentAt == null && a.ReviewDueDay != null && a.ReviewDueDay <= remindByLatest)
            .Select(a => new { a.Id, a.District, a.TrackingNumber, a.ReviewDueDay }).ToListAsync(cancellationToken);
        var remindBy = candidates.Select(a => a.District).Distinct(StringComparer.Ordinal).ToDictionary(d => d, RemindBy, StringComparer.Ordinal);
        var dueSoon = candidates.Where(a => a.ReviewDueDay <= remindBy[a.District]);
        var reminded = 0;
        foreach (var a in dueSoon)
        {
            if (await OnceAsync(async ct =>
                {
                    if (await Db.Applications.Where(x => x.Id == a.Id && x.ReminderSentAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), ct) == 0) return false;
                    audit.Application(AuditActor.System, a.Id, a.District, "RemindReviewers", null, new { reminderSentAt = now }, $"审核期限 {DayNumber.Format(a.ReviewDueDay!.Value)}");
                    foreach (var user in await UsersAsync(PortalRoles.Reviewer, a.District, ct))
                        await notifier.NotifyAsync(user, $"审核即将到期：{a.TrackingNumber}", $"该申报的审核期限为 {DayNumber.Format(a.ReviewDueDay!.Value)}（北京时间 23:59:59）。", $"/review/{a.Id}", ct);
                    return true;
                }, cancellationToken)) reminded++;
        }

        // Overdue reviews: escalate to the district's administrators (portal-wide ones when the district has none) once.
        var overdue = await Db.Applications.AsNoTracking().Where(a => Pending.Contains(a.Status) && a.EscalatedAt == null && a.ReviewDueDay != null && a.ReviewDueDay < todayNumber)
            .Select(a => new { a.Id, a.District, a.TrackingNumber, a.ReviewDueDay }).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var a in overdue)
        {
            if (await OnceAsync(async ct =>
                {
                    if (await Db.Applications.Where(x => x.Id == a.Id && x.EscalatedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EscalatedAt, now), ct) == 0) return false;
                    audit.Application(AuditActor.System, a.Id, a.District, "EscalateOverdue", null, new { escalatedAt = now }, $"审核期限 {DayNumber.Format(a.ReviewDueDay!.Value)} 已过");
                    var admins = await UsersAsync(PortalRoles.Admin, a.District, ct);
                    if (admins.Count == 0) admins = await UsersAsync(PortalRoles.Admin, null, ct);
                    foreach (var user in admins)
                        await notifier.NotifyAsync(user, $"审核已超期：{a.TrackingNumber}", $"{a.District} 的申报审核期限 {DayNumber.Format(a.ReviewDueDay!.Value)} 已过，尚未办结。", "/review?overdue=1", ct);
                    return true;
                }, cancellationToken)) escalated++;
        }
        if (expired + reminded + escalated > 0)
            Logger.LogInformation("Deadlines: {Expired} expired, {Reminded} reminded, {Escalated} escalated", expired, reminded, escalated);
        return (expired, reminded, escalated);
    }

    /// <summary>
    /// One guarded action with its audit entry and notices, in one transaction (through the execution strategy, which may
    /// retry it whole): true when this run did it, false when the guard found it already done.
    /// </summary>
    private async Task<bool> OnceAsync(Func<CancellationToken, Task<bool>> action, CancellationToken cancellationToken)
    {
        var strategy = Db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            Db.ChangeTracker.Clear();
            await using var tx = await Db.Database.BeginTransactionAsync(ct);
            if (!await action(ct)) return false;
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private async Task<List<string>> UsersAsync(string role, string? district, CancellationToken ct) =>
        await (from u in Db.Users
               join ur in Db.UserRoles on u.Id equals ur.UserId
               join r in Db.Roles on ur.RoleId equals r.Id
               where r.Name == role && u.District == district
               select u.Id).ToListAsync(ct);
}
