using PolicyPortal.Domain.Applications;

namespace PolicyPortal.Domain.Tests.Applications;

public sealed class DayNumberTests
{
    [Fact]
    public void Day_numbers_round_trip_and_order_like_the_dates()
    {
        var days = new[] { new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1), new DateOnly(2026, 2, 28), new DateOnly(2028, 2, 29) };
        Assert.All(days, d => Assert.Equal(d, DayNumber.ToDate(DayNumber.Of(d))));
        Assert.Equal(days.Order(), days.OrderBy(DayNumber.Of));
        Assert.Equal(20261231, DayNumber.Of(new DateOnly(2026, 12, 31)));
        Assert.Equal("2027-01-01", DayNumber.Format(20270101));
    }
}
