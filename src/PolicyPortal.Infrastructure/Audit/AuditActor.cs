namespace PolicyPortal.Infrastructure.Audit;

/// <summary>Who an audit entry names: a signed-in user (with the request's IP), or the system.</summary>
public sealed record AuditActor(string? UserId, string Name, string? Ip)
{
    public static readonly AuditActor System = new(null, "system", null);
}
