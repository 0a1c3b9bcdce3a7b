using Microsoft.AspNetCore.Identity;

namespace PolicyPortal.Infrastructure.Identity;

/// <summary>The portal's roles. Reviewers and admins carry a district (or none, for a portal-wide admin).</summary>
public static class PortalRoles
{
    public const string Enterprise = "Enterprise";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";
    /// <summary>
    /// Reads the audit log and nothing else (separation of duties, 三权分立): no review, no administration, no enterprise pages.
    /// Portal-wide or of one district, like an admin.
    /// </summary>
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [Enterprise, Reviewer, Admin, Auditor];

    /// <summary>The roles administrators give staff members through the people pages (one each).</summary>
    public static IReadOnlyList<string> Staff { get; } = [Reviewer, Admin, Auditor];

    /// <summary>
    /// Creates any role that does not exist yet, on every start: a database without demo accounts needs them too (registering
    /// an enterprise adds its user to <see cref="Enterprise"/>; without the row a production deployment answered 500).
    /// </summary>
    public static async Task EnsureAsync(Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(role));
    }

    /// <summary>Claim type carrying the user's district.</summary>
    public const string DistrictClaim = "policyportal:district";
}
