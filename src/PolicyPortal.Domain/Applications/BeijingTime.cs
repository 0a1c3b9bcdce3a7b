namespace PolicyPortal.Domain.Applications;

/// <summary>
/// Beijing time (China Standard Time), in which every deadline of the portal is stated. A fixed UTC+8: China has
/// had no daylight saving since 1991, so no time-zone database is needed (and none differs between servers).
/// </summary>
public static class BeijingTime
{
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>00:00:00 Beijing time on the day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The last instant of the day in Beijing: 23:59:59.9999999 +08:00.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MaxValue), Offset);

    /// <summary>The Beijing calendar day an instant falls on, whatever offset it is expressed in.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
