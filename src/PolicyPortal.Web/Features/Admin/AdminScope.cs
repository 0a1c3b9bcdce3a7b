using System.Security.Claims;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Admin;

/// <summary>
/// Which district an administrator may see and act on: a district administrator their own only, a portal-wide administrator
/// (no district claim) any of the five. Asking for another district gets null, which the pages answer with 404 — exactly as
/// for a district that does not exist.
/// </summary>
internal static class AdminScope
{
    public static bool IsPortalWide(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Admin) && user.FindFirst(PortalRoles.DistrictClaim) is null;

    /// <summary>The district to use for the request: the one asked for if allowed, else null. Nothing asked: the user's own, or the first.</summary>
    public static string? Resolve(ClaimsPrincipal user, string? requested)
    {
        if (!user.IsInRole(PortalRoles.Admin)) return null;
        var own = user.FindFirst(PortalRoles.DistrictClaim)?.Value;
        if (string.IsNullOrEmpty(requested)) return own ?? Districts.All[0];
        if (own is not null) return string.Equals(requested, own, StringComparison.Ordinal) ? own : null;
        return Districts.IsKnown(requested) ? requested : null;
    }

    /// <summary>The districts the user may choose between (one for a district administrator).</summary>
    public static IReadOnlyList<string> Choices(ClaimsPrincipal user) =>
        user.FindFirst(PortalRoles.DistrictClaim)?.Value is { } own ? [own] : Districts.All;
}
