using System.Security.Claims;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Admin;

/// <summary>The districts an administrator manages: their own (district admin) or all (portal-wide admin); none for anyone else.</summary>
internal static class AdminScope
{
    public static IReadOnlyList<string> DistrictsOf(ClaimsPrincipal user)
    {
        if (!user.IsInRole(PortalRoles.Admin)) return [];
        return user.FindFirst(PortalRoles.DistrictClaim)?.Value is { } district ? [district] : Districts.All;
    }

    public static bool Manages(ClaimsPrincipal user, string? district) => district is not null && DistrictsOf(user).Contains(district, StringComparer.Ordinal);

    public static bool IsPortalWide(ClaimsPrincipal user) => user.IsInRole(PortalRoles.Admin) && user.FindFirst(PortalRoles.DistrictClaim) is null;

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "";
}
