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
}
