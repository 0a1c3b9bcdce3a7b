using Microsoft.AspNetCore.Identity;

namespace PolicyPortal.Infrastructure.Data;

/// <summary>An account: an enterprise's, a district reviewer's or an administrator's.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The district a reviewer or admin works for; null for a portal-wide admin. An enterprise's registered district.</summary>
    public string? District { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
