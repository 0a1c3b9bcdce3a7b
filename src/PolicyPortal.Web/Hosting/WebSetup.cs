using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using PolicyPortal.Infrastructure;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Web.Components;
using PolicyPortal.Web.Features.Account;
using PolicyPortal.Web.Features.Benchmark;
using PolicyPortal.Web.Validation;

namespace PolicyPortal.Web.Hosting;

/// <summary>The web host's services and pipeline. Program.cs calls AddWeb and UseWeb; everything else lives here.</summary>
internal static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents();
        // Chinese is written as characters, not as &#x...; escapes: smaller pages, readable source, searchable text.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Chinese first: the browser's Accept-Language is not consulted; only an explicit choice switches.
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddIdentityCore<PortalUser>()
            .AddPortalIdentityRules(builder.Configuration)
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        var accounts = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "PolicyPortal.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.IdleTimeoutMinutes);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = ApiAwareRedirect(StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = ApiAwareRedirect(StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            // Deny by default: every endpoint needs a signed-in user unless it opts out by name ([AllowAnonymous]).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o => o.Cookie.Name = "PolicyPortal.Antiforgery");

        services.AddValidatorsFromAssembly(typeof(WebSetup).Assembly);
        services.AddScoped<Features.Enterprises.EnterpriseRegistration>();
        services.AddScoped<Features.Enterprises.CurrentEnterprise>();
        services.AddScoped<Features.Applications.ApplicationLedger>();
        services.AddScoped<Features.Applications.ApplicationService>();
        services.AddScoped<Features.Review.ReviewQueue>();
        services.AddScoped<Features.Review.ReviewerAccess>();
        services.AddScoped<Features.Review.ReviewDecisions>();
        services.AddScoped<Features.Review.ClaimQuotas>();
        services.AddScoped<Features.Admin.Catalog.CatalogAdmin>();
        services.AddScoped<Features.Admin.Catalog.WhatIf>();
        services.AddScoped<Features.Admin.Settings.PolicySettingsAdmin>();
        services.AddScoped<Features.Admin.Proactive.ProactiveMatch>();
        services.AddScoped<Features.Admin.Budgets.BudgetDashboard>();
        services.AddScoped<Features.Admin.Notices.NoticeBoard>();
        services.AddScoped<Features.Admin.Payments.PaymentDesk>();
        builder.AddApi();
        builder.AddReferenceEndpoints();
        services.AddProblemDetails();
    }

    public static void UseWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseStaticFiles();
        app.UseApiBrowser();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Features.Applications.ApplicationOwnership>();
        app.UseMiddleware<Features.Admin.AdminDistrictGuard>();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseMiddleware<AntiforgeryFailures>();

        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapApi();
        Features.Admin.Notices.NoticeEndpoints.MapNoticeEndpoints(app);
        app.MapReferenceEndpoints(); // only with Benchmark:ReferenceEndpoints=true
        app.MapRazorComponents<App>();
    }

    /// <summary>Pages redirect to sign-in; the JSON API answers 401/403 instead of a redirect.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> ApiAwareRedirect(int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };
}
