using PolicyPortal.Infrastructure.Scheduling;

namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// How a district policy is reviewed, set by its administrators: the review time limit in working days, how many working
/// days before it the reviewers are reminded, and whether a second stage (复审) confirms the first stage's (初审)
/// decisions. A district without a row uses the configured defaults.
/// </summary>
public sealed class PolicySettings
{
    public string District { get; set; } = "";
    public int ReviewWorkingDays { get; set; }
    public int ReminderWorkingDays { get; set; } = ReviewOptions.DefaultReminderWorkingDays;
    public bool TwoStageReview { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
