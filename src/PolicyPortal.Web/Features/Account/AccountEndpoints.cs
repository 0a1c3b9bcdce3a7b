using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Web.Features.Account;

/// <summary>Sign-out (POST with antiforgery) and the language switch.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<PortalUser> signIn, SignInAudit audit) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
                await audit.RecordAsync(http, SignInActions.SignedOut, http.User.Identity.Name ?? "", http.User.FindFirstValue(ClaimTypes.NameIdentifier));
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).RequireAuthorization().WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute(true)).ExcludeFromDescription();

        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = Hosting.WebSetup.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase))
                         ?? Hosting.WebSetup.Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
