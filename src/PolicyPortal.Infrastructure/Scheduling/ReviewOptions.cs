namespace PolicyPortal.Infrastructure.Scheduling;

/// <summary>Section "Review": the review time limit until administrators set one per policy.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";
    /// <summary>Working days a review may take after submission.</summary>
    public int TimeLimitWorkingDays { get; set; } = 20;
    /// <summary>Working days before the review deadline at which the district's reviewers are reminded.</summary>
    public int ReminderWorkingDays { get; set; } = DefaultReminderWorkingDays;
    public const int DefaultReminderWorkingDays = 3;
    /// <summary>Public holidays (yyyy-MM-dd) that are not working days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];
    /// <summary>Weekend days that are working days (调休).</summary>
    public List<DateOnly> MakeUpWorkingDays { get; set; } = [];
}
