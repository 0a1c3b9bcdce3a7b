namespace PolicyPortal.Infrastructure.Scheduling;

/// <summary>Section "Scheduler".</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Seconds between heartbeats.</summary>
    public int HeartbeatSeconds { get; set; } = 60;

    /// <summary>Seconds between runs of the mail job (drains the e-mail outbox).</summary>
    public int MailSeconds { get; set; } = 30;

    /// <summary>Seconds between runs of the deadline job (supplements expiring, reviews due and overdue).</summary>
    public int DeadlineSeconds { get; set; } = 600;

    /// <summary>Start the scheduler with the host (tests of other parts may switch it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The time zone every trigger is declared in.</summary>
    public const string TimeZoneId = "Asia/Shanghai";
}
