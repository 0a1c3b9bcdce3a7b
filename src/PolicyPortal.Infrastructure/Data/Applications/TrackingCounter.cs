namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// The last 受理编号 sequence given in a district and year. Submissions take the next one with a single atomic
/// UPDATE … RETURNING on this row: concurrent submissions never get the same number, and none scans the applications.
/// </summary>
public sealed class TrackingCounter
{
    public string District { get; set; } = "";
    public int Year { get; set; }
    public long Last { get; set; }
}
