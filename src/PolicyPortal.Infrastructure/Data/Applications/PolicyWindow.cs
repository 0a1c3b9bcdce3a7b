namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>A district policy's application window (申报期) for a year; closes at 23:59:59 Beijing time on its last day.</summary>
public sealed class PolicyWindow
{
    public long Id { get; set; }
    public string District { get; set; } = "";
    public int Year { get; set; }
    public DateOnly Opens { get; set; }
    public DateOnly Closes { get; set; }
    /// <summary>When subscribers were told the window opened (the window job does it once).</summary>
    public DateTimeOffset? OpeningAnnouncedAt { get; set; }
}
