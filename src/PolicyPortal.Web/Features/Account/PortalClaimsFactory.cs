using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Account;

/// <summary>Puts the user's district and display name into the sign-in cookie, so district scoping needs no lookup.</summary>
internal sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(TwoFactorPolicy.EnabledClaim, "1"));
        if (user.District is { } district)
            identity.AddClaim(new Claim(PortalRoles.DistrictClaim, district));
        return identity;
    }
}
