namespace PolicyPortal.Infrastructure.Data;

/// <summary>The last run of a scheduled job on a scheduler instance; the health report reads it.</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public string JobName { get; set; } = "";
    public string Instance { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
}
