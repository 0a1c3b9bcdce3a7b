using System.Security.Claims;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Admin;

/// <summary>
/// Which districts an administrator may see and act on: a district administrator their own only, a portal-wide administrator
/// (no district claim) any of the five. Asking for another district gets null / false, which the pages answer with 404 —
/// exactly as for a district that does not exist.
/// </summary>
internal static class AdminScope
{
    public static bool IsPortalWide(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Admin) && user.FindFirst(PortalRoles.DistrictClaim) is null;

    /// <summary>The districts the user manages: their own, all (portal-wide), or none (not an administrator).</summary>
    public static IReadOnlyList<string> DistrictsOf(ClaimsPrincipal user)
    {
        if (!user.IsInRole(PortalRoles.Admin)) return [];
        return user.FindFirst(PortalRoles.DistrictClaim)?.Value is { } district ? [district] : Districts.All;
    }

    public static bool Manages(ClaimsPrincipal user, string? district) => district is not null && DistrictsOf(user).Contains(district, StringComparer.Ordinal);

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
    public static IReadOnlyList<string> Choices(ClaimsPrincipal user) => DistrictsOf(user);

    /// <summary>The user's id for maker-checker comparisons (the name when a test principal has no id).</summary>
    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "";
}
