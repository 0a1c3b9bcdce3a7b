using System.Globalization;
using PolicyPortal.Domain.Applications;

namespace PolicyPortal.Domain.Tests.Applications;

/// <summary>申报期: open from 00:00 on the first day to 23:59:59 on the last, Beijing time, whatever offset "now" carries.</summary>
public class ApplicationWindowTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly ApplicationWindow June = new(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));

    [Fact]
    public void Opens_at_midnight_and_closes_at_23_59_59_Beijing_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, Beijing), June.OpensAt);
        Assert.Equal("2026-06-30 23:59:59 +08:00", June.ClosesAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
        // The last tick of the day: nothing in the final second is refused.
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, Beijing), June.ClosesAt.AddTicks(1));
    }

    [Fact]
    public void Last_millisecond_of_the_last_day_in_Beijing_is_open()
    {
        Assert.True(June.IsOpen(new DateTimeOffset(2026, 6, 30, 23, 59, 59, 999, Beijing)));
        Assert.True(June.IsOpen(new DateTimeOffset(2026, 6, 30, 23, 59, 59, Beijing)));
    }

    [Fact]
    public void Midnight_after_the_last_day_in_Beijing_is_closed()
    {
        Assert.False(June.IsOpen(new DateTimeOffset(2026, 7, 1, 0, 0, 0, Beijing)));
    }

    [Fact]
    public void The_same_closing_instants_in_UTC_are_judged_the_same()
    {
        // 2026-06-30 23:59:59.999 +08:00 = 2026-06-30 15:59:59.999 UTC; 2026-07-01 00:00 +08:00 = 2026-06-30 16:00 UTC.
        Assert.True(June.IsOpen(new DateTimeOffset(2026, 6, 30, 15, 59, 59, 999, TimeSpan.Zero)));
        Assert.False(June.IsOpen(new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero)));
        // An applicant's browser in Europe (UTC+2) at 17:59 on 30 June is still in time; at 18:00 it is not.
        Assert.True(June.IsOpen(new DateTimeOffset(2026, 6, 30, 17, 59, 59, 999, TimeSpan.FromHours(2))));
        Assert.False(June.IsOpen(new DateTimeOffset(2026, 6, 30, 18, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Opening_boundary_holds_in_Beijing_time_and_in_UTC()
    {
        // 2026-06-01 00:00 +08:00 = 2026-05-31 16:00 UTC.
        Assert.True(June.IsOpen(new DateTimeOffset(2026, 6, 1, 0, 0, 0, Beijing)));
        Assert.False(June.IsOpen(new DateTimeOffset(2026, 5, 31, 23, 59, 59, 999, Beijing)));
        Assert.True(June.IsOpen(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.False(June.IsOpen(new DateTimeOffset(2026, 5, 31, 15, 59, 59, 999, TimeSpan.Zero)));
        // 31 May 20:00 UTC is already 1 June in Beijing.
        Assert.Equal(new DateOnly(2026, 6, 1), BeijingTime.DateOf(new DateTimeOffset(2026, 5, 31, 20, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_one_day_window_is_valid_and_open_all_that_day()
    {
        var day = new ApplicationWindow(new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 30));
        Assert.Empty(day.Validate());
        Assert.True(day.IsOpen(new DateTimeOffset(2026, 9, 30, 12, 0, 0, Beijing)));
        Assert.Equal(TimeSpan.FromDays(1), day.ClosesAt.AddTicks(1) - day.OpensAt);
    }

    [Fact]
    public void Last_day_before_first_day_is_refused_in_both_languages()
    {
        var backwards = new ApplicationWindow(new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 1));
        var error = Assert.Single(backwards.Validate());
        Assert.Equal("申报期截止日（2026-06-01）早于开始日（2026-06-30）", error.Zh);
        Assert.Equal("The application window's last day (2026-06-01) is before its first day (2026-06-30)", error.En);
        Assert.False(backwards.IsOpen(new DateTimeOffset(2026, 6, 15, 12, 0, 0, Beijing)));
    }

    [Fact]
    public void A_normal_window_validates()
    {
        Assert.Empty(June.Validate());
    }
}
