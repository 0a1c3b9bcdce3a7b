using Microsoft.AspNetCore.Identity;

namespace PolicyPortal.Infrastructure.Data;

/// <summary>An account: an enterprise's, a district reviewer's or an administrator's.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The district a reviewer or admin works for; null for a portal-wide admin. An enterprise's registered district.</summary>
    public string? District { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When an administrator disabled the account (a staff member's) or locked it (an enterprise's); null while it is in use.
    /// A disabled account cannot sign in and its open sessions end (see PortalSignInManager); unlike Identity's lockout after
    /// failed sign-ins it does not run out by itself.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
