using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Audit;

/// <summary>
/// Writes audit entries into the caller's unit of work: the entry is added to the same DbContext and saved with the change
/// it describes (in the same transaction where there is one), so a change is never without its entry or the reverse.
/// </summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Chinese stays readable in the stored JSON.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public AuditEntry Add(AuditActor actor, string entity, string entityId, string action, object? before = null, object? after = null,
        string? note = null, long? applicationId = null, string? district = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(), ActorId = actor.UserId, Actor = Clip(actor.Name, 256)!, Ip = Clip(actor.Ip, 64), District = district,
            Entity = entity, EntityId = Clip(entityId, 128)!, ApplicationId = applicationId, Action = Clip(action, 64)!,
            Before = before is null ? null : Clip(JsonSerializer.Serialize(before, Json), 8000),
            After = after is null ? null : Clip(JsonSerializer.Serialize(after, Json), 8000),
            Note = Clip(note, 4000),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>An entry about an application (its status, contact, deadline …), on its timeline.</summary>
    public AuditEntry Application(AuditActor actor, long applicationId, string district, string action, object? before = null, object? after = null, string? note = null) =>
        Add(actor, "Application", applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), action, before, after, note, applicationId, district);

    /// <summary>An entry about one claim of an application (decision, amount), on the application's timeline.</summary>
    public AuditEntry Claim(AuditActor actor, long applicationId, string district, long claimId, string action, object? before = null, object? after = null, string? note = null) =>
        Add(actor, "Claim", claimId.ToString(System.Globalization.CultureInfo.InvariantCulture), action, before, after, note, applicationId, district);

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
