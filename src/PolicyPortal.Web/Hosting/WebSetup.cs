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
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        var accounts = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddSessionCookies(accounts, builder.Environment);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Events.OnRedirectToLogin = ApiAwareRedirect(StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = ApiAwareRedirect(StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            // Deny by default: every endpoint needs a signed-in user unless it opts out by name ([AllowAnonymous]).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(TwoFactorPolicy.Name, p => TwoFactorPolicy.Configure(p, accounts));
        services.AddAntiforgery(o => o.Cookie.Name = "PolicyPortal.Antiforgery");
        services.AddSingleton<RefusedAccess>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();

        services.AddValidatorsFromAssembly(typeof(WebSetup).Assembly);
        services.AddScoped<SignInAudit>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<TotpReplayGuard>();
        services.AddScoped<Features.Enterprises.EnterpriseRegistration>();
        services.AddScoped<Features.Enterprises.CurrentEnterprise>();
        services.AddScoped<Features.Applications.ApplicationLedger>();
        services.AddScoped<Features.Applications.ApplicationService>();
        services.Configure<Features.Applications.EvidenceQuotaOptions>(builder.Configuration.GetSection("Storage"));
        services.AddScoped<Features.Applications.EvidenceQuota>();
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
        services.AddScoped<Features.Admin.People.PeopleAccess>();
        services.AddScoped<Features.Admin.People.StaffAdmin>();
        services.AddScoped<Features.Audit.AuditSearch>();
        services.AddScoped<Features.Account.Activation>();
        builder.AddApi();
        var requestLimits = builder.Configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        services.Configure<RequestLimitOptions>(builder.Configuration.GetSection(RequestLimitOptions.Section));
        // Kestrel's own limit matches, so a body without a declared length is stopped too; endpoints that allow more say so.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = requestLimits.MaxBodyBytes);
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
        app.UseMiddleware<DatabaseUnavailable>(); // 503 while the database is down, in every environment
        app.UseMiddleware<RequestLimits>();
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseStaticFiles();
        app.UseApiBrowser();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TwoFactorRequirement>();
        app.UseMiddleware<Features.Applications.ApplicationOwnership>();
        app.UseMiddleware<Features.Admin.AdminDistrictGuard>();
        app.UseMiddleware<Features.Review.ReviewDeskGuard>();
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
        Features.Audit.AuditEndpoints.MapAuditEndpoints(app);
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
