using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Account;

/// <summary>Who may set up a TOTP second factor: the roles of Accounts:TwoFactorRoles (Reviewer and Admin), never enterprises by default.</summary>
internal static class TwoFactorPolicy
{
    public const string Name = "TwoFactorEligible";
    /// <summary>Claim in the sign-in cookie saying the user has a second factor ("1"), so the requirement below needs no lookup.</summary>
    public const string EnabledClaim = "policyportal:2fa";
    public const string SetupPath = "/account/two-factor";

    public static void Configure(AuthorizationPolicyBuilder policy, AccountOptions accounts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(accounts);
        var roles = accounts.TwoFactorRoleList.ToList();
        // Requiring it of admins implies admins may set it up.
        if (accounts.RequireTwoFactorForAdmins && !roles.Contains(PortalRoles.Admin, StringComparer.Ordinal)) roles.Add(PortalRoles.Admin);
        if (roles.Count == 0)
            policy.RequireAssertion(_ => false); // the setting left empty: nobody gets a second factor
        else
            policy.RequireRole(roles);
    }
}

/// <summary>
/// With Accounts:RequireTwoFactorForAdmins on (off by default), a signed-in administrator without a second factor reaches
/// only the set-up page, password change, sign-out and the language switch; everything else sends them to set-up (the API
/// answers 403). The claim is refreshed when the factor is switched on, so the block lifts at once.
/// </summary>
internal sealed class TwoFactorRequirement(RequestDelegate next, IOptions<AccountOptions> options)
{
    private static readonly string[] Allowed = [TwoFactorPolicy.SetupPath, "/account/password", "/account/logout", "/culture", "/healthz", "/error", "/not-found"];

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!options.Value.RequireTwoFactorForAdmins
            || http.User.Identity?.IsAuthenticated != true
            || !http.User.IsInRole(PortalRoles.Admin)
            || http.User.HasClaim(TwoFactorPolicy.EnabledClaim, "1")
            || Allowed.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return next(http);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        http.Response.Redirect($"{TwoFactorPolicy.SetupPath}?required=true");
        return Task.CompletedTask;
    }
}
