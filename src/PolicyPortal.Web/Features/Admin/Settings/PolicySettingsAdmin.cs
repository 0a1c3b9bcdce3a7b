using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Scheduling;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Features.Admin.Settings;

/// <summary>
/// A policy's running settings — the application window of a year, the review time limit, two-stage review — and the
/// national holiday calendar. They take effect at once (they are not catalog figures: no amount depends on them), and every
/// change is audited with before and after. Deadlines already set keep their day; new submissions use the new limit.
/// </summary>
internal sealed class PolicySettingsAdmin(PortalDbContext db, ReviewRules rules, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<Outcome> SaveAsync(ClaimsPrincipal admin, string district, int year, DateOnly opens, DateOnly closes, int workingDays, bool twoStage, int reminderDays, CancellationToken ct = default)
    {
        if (!AdminScope.Manages(admin, district)) return Outcome.Refused("无权管理该区政策", "You do not manage this district");
        if (closes < opens) return Outcome.Refused("申报截止日期不能早于开始日期", "The window cannot close before it opens");
        if (opens.Year != year && closes.Year != year) return Outcome.Refused($"申报期须在 {year} 年内开始或结束", $"The window must open or close in {year}");
        if (workingDays is < 1 or > 120) return Outcome.Refused("审核时限须为 1–120 个工作日", "The review time limit must be 1 to 120 working days");
        if (reminderDays < 1 || reminderDays > workingDays)
            return Outcome.Refused($"到期提醒须提前 1–{workingDays} 个工作日（不超过审核时限）", $"The reminder must come 1 to {workingDays} working days before the deadline (no more than the time limit)");
        var before = await rules.ForAsync(district, ct);
        var window = await db.PolicyWindows.SingleOrDefaultAsync(w => w.District == district && w.Year == year, ct);
        var windowBefore = window is null ? null : new { opens = window.Opens, closes = window.Closes };
        if (window is null) db.PolicyWindows.Add(window = new PolicyWindow { District = district, Year = year });
        else if (window.Opens != opens) window.OpeningAnnouncedAt = null; // a moved opening is announced again
        window.Opens = opens;
        window.Closes = closes;
        var settings = await db.PolicySettings.SingleOrDefaultAsync(s => s.District == district, ct);
        if (settings is null) db.PolicySettings.Add(settings = new PolicySettings { District = district });
        settings.ReviewWorkingDays = workingDays;
        settings.TwoStageReview = twoStage;
        settings.ReminderWorkingDays = reminderDays;
        settings.UpdatedAt = clock.GetUtcNow();
        settings.UpdatedBy = admin.Identity?.Name ?? "";
        audit.Add(Actor(admin), "PolicySettings", $"{district}/{year}", "SavePolicySettings",
            new { window = windowBefore, reviewWorkingDays = before.ReviewWorkingDays, twoStageReview = before.TwoStageReview, reminderWorkingDays = before.ReminderWorkingDays },
            new { window = new { opens, closes }, reviewWorkingDays = workingDays, twoStageReview = twoStage, reminderWorkingDays = reminderDays }, district: district);
        await db.SaveChangesAsync(ct);
        return Outcome.Done();
    }

    public async Task<Outcome> AddDayAsync(ClaimsPrincipal admin, DateOnly day, bool workingDay, string name, CancellationToken ct = default)
    {
        if (!AdminScope.IsPortalWide(admin)) return Outcome.Refused("节假日安排由平台管理员维护", "Only a portal-wide administrator maintains the holiday calendar");
        if (string.IsNullOrWhiteSpace(name)) return Outcome.Refused("请填写名称（如“春节”或“调休上班”）", "Give a name (e.g. Spring Festival)");
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (workingDay && !weekend) return Outcome.Refused("调休上班日须为周六或周日", "A make-up working day must be a Saturday or Sunday");
        var number = DayNumber.Of(day);
        if (await db.CalendarDays.AnyAsync(d => d.Day == number, ct)) return Outcome.Refused($"{day:yyyy-MM-dd} 已在日历中", $"{day:yyyy-MM-dd} is already in the calendar");
        db.CalendarDays.Add(new CalendarDay { Day = number, IsWorkingDay = workingDay, Name = name.Trim()[..Math.Min(name.Trim().Length, 100)] });
        audit.Add(Actor(admin), "Calendar", DayNumber.Format(number), "AddCalendarDay", null, new { day = DayNumber.Format(number), workingDay, name = name.Trim() });
        await db.SaveChangesAsync(ct);
        return Outcome.Done();
    }

    public async Task<Outcome> RemoveDayAsync(ClaimsPrincipal admin, int day, CancellationToken ct = default)
    {
        if (!AdminScope.IsPortalWide(admin)) return Outcome.Refused("节假日安排由平台管理员维护", "Only a portal-wide administrator maintains the holiday calendar");
        var row = await db.CalendarDays.SingleOrDefaultAsync(d => d.Day == day, ct);
        if (row is null) return Outcome.Refused("该日期不在日历中", "That day is not in the calendar");
        db.CalendarDays.Remove(row);
        audit.Add(Actor(admin), "Calendar", DayNumber.Format(day), "RemoveCalendarDay", new { day = DayNumber.Format(day), workingDay = row.IsWorkingDay, name = row.Name }, null);
        await db.SaveChangesAsync(ct);
        return Outcome.Done();
    }

    private AuditActor Actor(ClaimsPrincipal admin) => AuditActors.For(admin, http.HttpContext);
}
