using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Web.Features.Account;

namespace PolicyPortal.Web.Hosting;

/// <summary>
/// The sign-in cookie and its lifetimes: HttpOnly, SameSite=Lax, Secure (see <see cref="SecurePolicy"/>), a sliding idle
/// timeout, and an absolute timeout counted from the sign-in itself, which renewals and security-stamp refreshes carry along.
/// </summary>
internal static class SessionCookies
{
    public const string Name = "PolicyPortal.Auth";
    /// <summary>The sign-in instant (unix seconds), kept in the ticket's properties; set once, when the user signs in.</summary>
    private const string SignedInAt = "pp.signedInAt";

    /// <summary>
    /// Always in production: the cookie never travels over plain http, even behind a TLS-terminating proxy that the portal
    /// cannot see (it reads no X-Forwarded-Proto). Browsers accept a Secure cookie from http://localhost, so a production
    /// build tried on the same machine still works. Development (<c>dotnet run</c> over http) and the in-process tests
    /// (the Testing environment, whose test client drops Secure cookies over http) use SameAsRequest. Configurable.
    /// </summary>
    public static CookieSecurePolicy SecurePolicy(AccountOptions accounts, IHostEnvironment environment)
    {
        if (accounts.CookieSecurePolicy is { Length: > 0 } chosen)
            return Enum.TryParse<CookieSecurePolicy>(chosen, ignoreCase: true, out var policy) && policy != CookieSecurePolicy.None
                ? policy
                : throw new InvalidOperationException($"Accounts:CookieSecurePolicy must be Always or SameAsRequest, not '{chosen}'.");
        return environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }

    public static void AddSessionCookies(this IServiceCollection services, AccountOptions accounts, IHostEnvironment environment)
    {
        var secure = SecurePolicy(accounts, environment);
        var absolute = TimeSpan.FromHours(accounts.AbsoluteTimeoutHours);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = Name;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.IdleTimeoutMinutes);
            cookie.SlidingExpiration = true;
            cookie.Events.OnSigningIn = context =>
            {
                // A refresh (password change, second factor switched on) signs in again with the old properties: keep their instant.
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is null) return; // already rejected: the password or second factor changed elsewhere
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (context.Properties.Items.TryGetValue(SignedInAt, out var at)
                    && long.TryParse(at, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < absolute)
                    return;
                // Past the absolute timeout (or a ticket without its sign-in instant): the session ends, however active.
                var user = context.Principal;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                await context.HttpContext.RequestServices.GetRequiredService<SignInAudit>().RecordAsync(context.HttpContext,
                    SignInActions.SessionExpired, user.Identity?.Name ?? "", user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
                    $"absolute timeout of {accounts.AbsoluteTimeoutHours.ToString(CultureInfo.InvariantCulture)} h");
            };
        });
        // The second-factor step's short-lived cookies follow the same rules.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.SecurePolicy = secure);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(accounts.SessionCheckSeconds));
        // The antiforgery cookie keeps its default policy: set to Always, antiforgery throws on every plain-http request
        // instead of merely marking the cookie; and its token grants nothing without the sign-in cookie.
    }
}
