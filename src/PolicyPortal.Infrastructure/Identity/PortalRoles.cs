using Microsoft.AspNetCore.Identity;

namespace PolicyPortal.Infrastructure.Identity;

/// <summary>The portal's roles. Reviewers and admins carry a district (or none, for a portal-wide admin).</summary>
public static class PortalRoles
{
    public const string Enterprise = "Enterprise";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Enterprise, Reviewer, Admin];

    /// <summary>Claim type carrying the user's district.</summary>
    public const string DistrictClaim = "policyportal:district";

    /// <summary>
    /// Creates the roles that are missing. Every database needs them, demo accounts or not: registering an enterprise adds
    /// its user to <see cref="Enterprise"/> (without the row, a production deployment answered every registration with 500).
    /// </summary>
    public static async Task SeedAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
