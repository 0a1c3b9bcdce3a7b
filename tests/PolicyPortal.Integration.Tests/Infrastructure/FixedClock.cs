namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>A clock the test sets: deadline logic is tested by moving time, not by waiting.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
