using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Caching.Memory;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Hosting;

/// <summary>
/// Records refused authorizations in the audit log (entity "Access", action "Refused"): who, from which address, when, which
/// method and path, and why. Recorded: a signed-in user forbidden by a role or policy (403), and a signed-in user asking for a
/// resource that exists but is another's (answered 404, like an id that does not exist, so the id reveals nothing). Not
/// recorded: an anonymous visitor sent to the sign-in page (ordinary browsing), an id that does not exist at all.
/// Cheap by design: one entry per user (or address), path and reason per minute, remembered in a bounded cache, so a
/// script hammering one address cannot flood the log; the entry is written in its own unit of work.
/// </summary>
internal sealed class RefusedAccess(IServiceScopeFactory scopes, ILogger<RefusedAccess> logger) : IDisposable
{
    public const string Entity = "Access";
    public const string Action = "Refused";

    // Bounded: when full (an attacker rotating paths), new keys are not admitted and their writes are skipped, which keeps
    // the log and the database calm under a flood; the first refusals of the flood are on record.
    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task RecordAsync(HttpContext http, string reason)
    {
        ArgumentNullException.ThrowIfNull(http);
        var actor = AuditActors.For(http);
        var path = http.Request.Path.Value ?? "";
        var key = $"{actor.UserId ?? actor.Ip}|{path}|{reason}";
        if (_recent.TryGetValue(key, out _)) return;
        using (var slot = _recent.CreateEntry(key))
        {
            slot.Size = 1;
            slot.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            slot.Value = true;
        }
        if (!_recent.TryGetValue(key, out _)) return; // not admitted: the cache is full

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditLog>()
                .Add(actor, Entity, path, Action, note: $"{http.Request.Method} {path}{http.Request.QueryString}: {reason}");
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request is refused either way; a failed audit write must not turn a 403 into a 500.
            logger.LogError(e, "Could not record the refused access of {Actor} to {Path}", actor.Name, path);
        }
    }

    public void Dispose() => _recent.Dispose();
}

/// <summary>The authorization middleware's answers, with every 403 (forbidden) recorded before it is sent.</summary>
internal sealed class AuditedAuthorizationResults(RefusedAccess refused) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden) await refused.RecordAsync(context, "forbidden");
        await _inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
