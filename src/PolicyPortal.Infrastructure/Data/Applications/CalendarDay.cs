namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// An exception to the Monday–Friday working week, maintained by administrators: a public holiday (法定节假日) on a
/// weekday, or a weekend day that is worked (调休). Deadlines in working days skip the holidays and count the make-up days.
/// </summary>
public sealed class CalendarDay
{
    /// <summary>The day as yyyyMMdd.</summary>
    public int Day { get; set; }
    /// <summary>True for a worked weekend day (调休上班), false for a holiday.</summary>
    public bool IsWorkingDay { get; set; }
    public string Name { get; set; } = "";
}
