namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// How a district policy is reviewed, set by its administrators: the review time limit in working days and whether a
/// second stage (复审) confirms the first stage's (初审) decisions. A district without a row uses the configured defaults.
/// </summary>
public sealed class PolicySettings
{
    public string District { get; set; } = "";
    public int ReviewWorkingDays { get; set; }
    public bool TwoStageReview { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
