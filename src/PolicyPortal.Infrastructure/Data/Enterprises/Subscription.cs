namespace PolicyPortal.Infrastructure.Data.Enterprises;

/// <summary>A user's wish to hear of a district (its windows opening) or of one clause (its figures changing).</summary>
public sealed class Subscription
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string District { get; set; } = "";
    /// <summary>A clause part code, or null for the whole district.</summary>
    public string? Clause { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
