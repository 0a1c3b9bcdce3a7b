namespace PolicyPortal.Infrastructure.Audit;

/// <summary>
/// One line of the audit log: who (user id, name, IP) did what (action) to which entity, when (UTC), with the state before
/// and after as JSON. Append-only: nothing in the portal updates or deletes it, and the database refuses both (a trigger on
/// each provider). An application's timeline is its entries (<see cref="ApplicationId"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The acting user's id; null for the system (scheduled jobs) or an anonymous attempt.</summary>
    public string? ActorId { get; set; }
    /// <summary>The user name at the time ("system" for jobs).</summary>
    public string Actor { get; set; } = "";
    public string? Ip { get; set; }
    /// <summary>The district the entity belongs to; null for portal-wide entities.</summary>
    public string? District { get; set; }
    /// <summary>Application, Claim, Catalog, User, Calendar, Settings, SignIn …</summary>
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>Set on every entry about an application or one of its claims: the application's timeline.</summary>
    public long? ApplicationId { get; set; }
    public string Action { get; set; } = "";
    /// <summary>The fields the action changed, before it, as a JSON object; null when the entity is new.</summary>
    public string? Before { get; set; }
    /// <summary>The same fields after it, as a JSON object; null when the entity is gone.</summary>
    public string? After { get; set; }
    public string? Note { get; set; }
}
