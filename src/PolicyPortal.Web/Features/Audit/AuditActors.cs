using System.Security.Claims;
using PolicyPortal.Infrastructure.Audit;

namespace PolicyPortal.Web.Features.Audit;

/// <summary>The audit log's "who": the signed-in user's id and name, and the client address of the request.</summary>
internal static class AuditActors
{
    public static AuditActor For(ClaimsPrincipal user, HttpContext? http) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.Identity?.Name ?? "anonymous",
        http?.Connection.RemoteIpAddress?.ToString());

    public static AuditActor For(HttpContext http) => For(http.User, http);
}
