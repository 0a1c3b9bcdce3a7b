using System.Globalization;

namespace PolicyPortal.Domain.Applications;

/// <summary>
/// Working days for review time limits (审核时限, "N 个工作日内"): Monday to Friday, except public holidays, plus the
/// weekend days the State Council's yearly notice makes working days (调休上班). The holiday lists are data
/// published each November for the following year; nothing here knows any year's dates.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkingDays;

    /// <param name="holidays">Days off, weekdays or not (a holiday on a weekend changes nothing).</param>
    /// <param name="makeUpWorkingDays">Saturdays and Sundays that are working days.</param>
    /// <exception cref="ArgumentException">A make-up day is not on a weekend, or a day is in both lists.</exception>
    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        _holidays = [.. holidays];
        _makeUpWorkingDays = [.. makeUpWorkingDays];
        foreach (var day in _makeUpWorkingDays)
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!IsWeekend(day))
                throw new ArgumentException($"调休上班日 {text} 不是周末 / Make-up working day {text} is not a Saturday or Sunday", nameof(makeUpWorkingDays));
            if (_holidays.Contains(day))
                throw new ArgumentException($"{text} 既是节假日又是调休上班日 / {text} is both a holiday and a make-up working day", nameof(makeUpWorkingDays));
        }
    }

    /// <summary>Monday to Friday, no holidays.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([], []);

    public IReadOnlySet<DateOnly> Holidays => _holidays;
    public IReadOnlySet<DateOnly> MakeUpWorkingDays => _makeUpWorkingDays;

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkingDays.Contains(day) || (!IsWeekend(day) && !_holidays.Contains(day));

    /// <summary>
    /// The deadline <paramref name="workingDays"/> working days after <paramref name="start"/>; the start day itself is
    /// not counted (submitted on a Friday, 1 working day → the next Monday). 0 → <paramref name="start"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>, the inverse of
    /// <see cref="AddWorkingDays"/>; negative when <paramref name="to"/> is earlier (days overdue).
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
