using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;

namespace PolicyPortal.Infrastructure.Scheduling;

/// <summary>
/// A district policy's review rules in force: its time limit in working days, the reminder that many working days before
/// the deadline, and whether it has a second stage (复审).
/// </summary>
public sealed record PolicyReviewRules(int ReviewWorkingDays, bool TwoStageReview, int ReminderWorkingDays);

/// <summary>
/// The review rules administrators maintain (per-policy settings and the holiday calendar), with the configured
/// defaults (section "Review") for a policy nobody has set yet.
/// </summary>
public sealed class ReviewRules(PortalDbContext db, IOptions<ReviewOptions> defaults)
{
    public async Task<PolicyReviewRules> ForAsync(string district, CancellationToken ct = default)
    {
        var row = await db.PolicySettings.AsNoTracking().SingleOrDefaultAsync(p => p.District == district, ct);
        return row is null ? Default : new(row.ReviewWorkingDays, row.TwoStageReview, row.ReminderWorkingDays);
    }

    /// <summary>The rules of every district that has settings; <see cref="Default"/> for the others.</summary>
    public async Task<IReadOnlyDictionary<string, PolicyReviewRules>> AllAsync(CancellationToken ct = default) =>
        await db.PolicySettings.AsNoTracking().ToDictionaryAsync(p => p.District, p => new PolicyReviewRules(p.ReviewWorkingDays, p.TwoStageReview, p.ReminderWorkingDays), StringComparer.Ordinal, ct);

    /// <summary>The rules of a policy nobody has set yet (section "Review").</summary>
    public PolicyReviewRules Default => new(defaults.Value.TimeLimitWorkingDays, false, defaults.Value.ReminderWorkingDays);

    /// <summary>Monday to Friday, minus the holidays and plus the make-up working days in the calendar table.</summary>
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct = default)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return new WorkingDayCalendar(days.Where(d => !d.IsWorkingDay).Select(d => DayNumber.ToDate(d.Day)), days.Where(d => d.IsWorkingDay).Select(d => DayNumber.ToDate(d.Day)));
    }

    /// <summary>On first start, the calendar table takes the configured holidays (Review:Holidays, Review:MakeUpWorkingDays); afterwards administrators own it.</summary>
    public static async Task SeedCalendarAsync(PortalDbContext db, ReviewOptions options, CancellationToken ct = default)
    {
        if (await db.CalendarDays.AnyAsync(ct)) return;
        db.CalendarDays.AddRange(options.Holidays.Distinct().Select(d => new CalendarDay { Day = DayNumber.Of(d), IsWorkingDay = false, Name = "法定节假日" }));
        db.CalendarDays.AddRange(options.MakeUpWorkingDays.Distinct().Select(d => new CalendarDay { Day = DayNumber.Of(d), IsWorkingDay = true, Name = "调休上班" }));
        await db.SaveChangesAsync(ct);
    }
}
