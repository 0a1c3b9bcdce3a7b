using PolicyPortal.Domain.Applications;

namespace PolicyPortal.Domain.Tests.Applications;

/// <summary>
/// Working days for review time limits. The 2026 dates are those of 国务院办公厅关于2026年部分节假日安排的通知
/// (4 November 2025): 春节 15–23 February off, Saturdays 14 and 28 February worked; 中秋节 25–27 September off;
/// 国庆节 1–7 October off, Sunday 20 September and Saturday 10 October worked.
/// </summary>
public class WorkingDayCalendarTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1)) yield return day;
    }

    private static readonly WorkingDayCalendar Autumn2026 = new(
        holidays: [D(9, 25), D(9, 26), D(9, 27), .. Days(D(10, 1), D(10, 7))],
        makeUpWorkingDays: [D(9, 20), D(10, 10)]);

    private static readonly WorkingDayCalendar SpringFestival2026 = new(
        holidays: Days(D(2, 15), D(2, 23)),
        makeUpWorkingDays: [D(2, 14), D(2, 28)]);

    [Fact]
    public void Weekdays_are_working_days_and_weekends_are_not()
    {
        Assert.True(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D(6, 5))); // Friday
        Assert.False(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D(6, 6))); // Saturday
        Assert.False(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D(6, 7))); // Sunday
        Assert.True(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D(6, 8))); // Monday
    }

    [Fact]
    public void Golden_week_days_are_off_and_its_make_up_weekend_days_are_worked()
    {
        Assert.All(Days(D(10, 1), D(10, 7)), day => Assert.False(Autumn2026.IsWorkingDay(day)));
        Assert.True(Autumn2026.IsWorkingDay(D(9, 20))); // Sunday, 调休上班
        Assert.True(Autumn2026.IsWorkingDay(D(10, 10))); // Saturday, 调休上班
        Assert.False(Autumn2026.IsWorkingDay(D(10, 11))); // the Sunday after stays off
        Assert.True(Autumn2026.IsWorkingDay(D(10, 8))); // Thursday, back at work
        Assert.False(Autumn2026.IsWorkingDay(D(9, 25))); // Friday, 中秋节
    }

    [Fact]
    public void Start_day_is_not_counted()
    {
        // Wednesday 30 September + 1 working day: the holiday week passes, Thursday 8 October.
        Assert.Equal(D(10, 8), Autumn2026.AddWorkingDays(D(9, 30), 1));
        Assert.Equal(D(9, 30), Autumn2026.AddWorkingDays(D(9, 30), 0));
    }

    [Fact]
    public void Make_up_Saturday_after_golden_week_counts()
    {
        // From 30 September: Thu 8 Oct (1), Fri 9 Oct (2), Sat 10 Oct 调休 (3), Sun 11 off, Mon 12 Oct (4).
        Assert.Equal(D(10, 10), Autumn2026.AddWorkingDays(D(9, 30), 3));
        Assert.Equal(D(10, 12), Autumn2026.AddWorkingDays(D(9, 30), 4));
    }

    [Fact]
    public void Make_up_Sunday_before_golden_week_counts()
    {
        // Submitted Friday 18 September, 5 working days: Sat 19 off, Sun 20 调休 (1), Mon–Thu 21–24 (2–5).
        Assert.Equal(D(9, 24), Autumn2026.AddWorkingDays(D(9, 18), 5));
        Assert.Equal(D(9, 23), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(9, 18), 3));
    }

    [Fact]
    public void Twenty_working_day_review_across_golden_week_ends_four_days_later_than_without_holidays()
    {
        // From Monday 28 September: 29, 30 Sep (2); 8, 9, 10 Oct (5); 12–16 (10); 19–23 (15); 26–30 (20).
        Assert.Equal(D(10, 30), Autumn2026.AddWorkingDays(D(9, 28), 20));
        // Without holidays, four weeks: Monday 26 October. Five weekday holidays (1, 2, 5, 6, 7 October) less one
        // make-up Saturday (10 October) push the deadline four working days on.
        Assert.Equal(D(10, 26), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D(9, 28), 20));
    }

    [Fact]
    public void Working_days_between_counts_after_from_up_to_and_including_to()
    {
        Assert.Equal(3, Autumn2026.WorkingDaysBetween(D(9, 30), D(10, 10)));
        Assert.Equal(0, Autumn2026.WorkingDaysBetween(D(10, 1), D(10, 7)));
        Assert.Equal(0, Autumn2026.WorkingDaysBetween(D(10, 8), D(10, 8)));
        // September 2026 has 22 weekdays; less 中秋 Friday 25, plus Sunday 20: 22 working days after 31 August.
        Assert.Equal(22, Autumn2026.WorkingDaysBetween(D(8, 31), D(9, 30)));
    }

    [Fact]
    public void Working_days_between_is_negative_when_to_is_earlier()
    {
        // A deadline of 30 September looked at on 10 October: 3 working days overdue.
        Assert.Equal(-3, Autumn2026.WorkingDaysBetween(D(10, 10), D(9, 30)));
    }

    [Fact]
    public void Spring_Festival_nine_days_off_with_a_make_up_Saturday_on_each_side()
    {
        Assert.All(Days(D(2, 15), D(2, 23)), day => Assert.False(SpringFestival2026.IsWorkingDay(day)));
        Assert.True(SpringFestival2026.IsWorkingDay(D(2, 14))); // Saturday before
        Assert.True(SpringFestival2026.IsWorkingDay(D(2, 28))); // Saturday after
        // From Friday 13 February: Sat 14 (1), then Tue 24 (2).
        Assert.Equal(D(2, 14), SpringFestival2026.AddWorkingDays(D(2, 13), 1));
        Assert.Equal(D(2, 24), SpringFestival2026.AddWorkingDays(D(2, 13), 2));
        // From Thursday 12 February, 10 working days: 13, 14; 24, 25, 26, 27, 28; 2, 3, 4 March.
        Assert.Equal(D(3, 4), SpringFestival2026.AddWorkingDays(D(2, 12), 10));
        Assert.Equal(10, SpringFestival2026.WorkingDaysBetween(D(2, 12), D(3, 4)));
    }

    [Fact]
    public void Start_on_a_holiday_counts_from_the_next_working_day()
    {
        Assert.Equal(D(2, 24), SpringFestival2026.AddWorkingDays(D(2, 17), 1)); // 正月初一 → Tuesday 24 February
    }

    [Fact]
    public void Adding_then_counting_gives_back_the_number_of_working_days()
    {
        foreach (var calendar in new[] { Autumn2026, SpringFestival2026, WorkingDayCalendar.WeekendsOnly })
            foreach (var start in Days(D(1, 1), D(12, 31)))
                foreach (var n in new[] { 1, 2, 5, 15, 20 })
                {
                    var deadline = calendar.AddWorkingDays(start, n);
                    Assert.True(calendar.IsWorkingDay(deadline));
                    Assert.Equal(n, calendar.WorkingDaysBetween(start, deadline));
                    Assert.Equal(n - 1, calendar.WorkingDaysBetween(start, deadline.AddDays(-1)));
                }
    }

    [Fact]
    public void Negative_working_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Autumn2026.AddWorkingDays(D(9, 30), -1));
    }

    [Fact]
    public void A_make_up_working_day_on_a_weekday_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([], [D(10, 9)]));
        Assert.Contains("2026-10-09 不是周末", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a Saturday or Sunday", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_both_holiday_and_make_up_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([D(10, 10)], [D(10, 10)]));
        Assert.Contains("既是节假日又是调休上班日", e.Message, StringComparison.Ordinal);
    }
}
