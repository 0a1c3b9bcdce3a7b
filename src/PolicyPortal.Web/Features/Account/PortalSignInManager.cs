using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Web.Features.Account;

/// <summary>
/// Identity's sign-in with one rule more: a disabled (staff) or locked (enterprise) account cannot sign in, and a session it
/// already has fails its next security-stamp check (every <c>Accounts:SessionCheckSeconds</c>) — the people pages also
/// renew the stamp, so the session ends even if this flag were missed.
/// </summary>
internal sealed class PortalSignInManager(UserManager<PortalUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DisabledAt is null && await base.CanSignInAsync(user);
    }

    public override async Task<bool> ValidateSecurityStampAsync(PortalUser? user, string? securityStamp) =>
        user is { DisabledAt: null } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
