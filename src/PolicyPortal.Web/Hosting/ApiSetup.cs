using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Calculator;
using PolicyPortal.Web.Features.Review;

namespace PolicyPortal.Web.Hosting;

/// <summary>Section "RateLimits": requests per window (a minute unless set) per client address, and per user for uploads.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public int PublicApiPerMinute { get; set; } = 120;
    /// <summary>Sign-in form posts per address: generous for an office behind one NAT address, hopeless for guessing.</summary>
    public int SignInPerWindow { get; set; } = 20;
    /// <summary>Registration posts per address (a failed post with a validation message counts too).</summary>
    public int RegistrationPerWindow { get; set; } = 10;
    /// <summary>Evidence uploads per address.</summary>
    public int UploadsPerWindowPerAddress { get; set; } = 60;
    /// <summary>Evidence uploads per signed-in user.</summary>
    public int UploadsPerWindowPerUser { get; set; } = 30;
    /// <summary>The window of the form limits, in seconds (tests shorten it to see a limit reset).</summary>
    public int WindowSeconds { get; set; } = 60;
    /// <summary>Requests processed at once; more wait in line (oldest first) before any page or database work starts.</summary>
    public int ConcurrentRequests { get; set; } = 64;
    /// <summary>How many may wait; beyond that the answer is 429 with Retry-After.</summary>
    public int QueuedRequests { get; set; } = 10_000;
}

/// <summary>The JSON API's plumbing: OpenAPI document and browser, rate limits (429 with Retry-After and a problem body).</summary>
internal static class ApiSetup
{
    public static void AddApi(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "PolicyPortal 政策兑现服务平台 API";
            doc.Info.Description = "Public calculation API: clause parts of the five district AI-industry policies and the calculation engine that explains every yuan.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A bulkhead for every request but the health check: under a crowd (2,000 connections on two cores) requests wait
            // here, holding a few kilobytes each, instead of all rendering at once — each holding a DbContext, a page being
            // built and, soon, a wait for one of the pool's database connections that ended in a timeout and an error page.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.ConcurrentRequests, QueueLimit = limits.QueuedRequests, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            o.AddPolicy(CalculationApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PublicApiPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.GlobalLimiter = FormLimits.Create(limits);
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    var seconds = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    await MessagePage.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "操作过于频繁",
                        $"您的提交次数过多，请 {seconds} 秒后再试。", $"Too many attempts: try again in {seconds} seconds.");
                    return;
                }
                await Results.Problem(
                    title: "请求过于频繁 / Too many requests",
                    detail: $"请 {Math.Ceiling(retry.TotalSeconds)} 秒后再试 / retry after {Math.Ceiling(retry.TotalSeconds)} s",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
    }

    /// <summary>The API browser is static content: it sits with the static files, before the deny-by-default policy.</summary>
    public static void UseApiBrowser(this WebApplication app) => app.UseSwaggerUI(o =>
    {
        o.RoutePrefix = "api/docs";
        o.SwaggerEndpoint("/openapi/v1.json", "PolicyPortal v1");
        o.DocumentTitle = "PolicyPortal API";
    });

    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapCalculationApi();
        app.MapCalculatorEndpoints();
        app.MapApplicationEndpoints();
        app.MapEvidenceEndpoints();
        app.MapReviewEndpoints();
        Features.Admin.Catalog.CatalogEndpoints.MapCatalogEndpoints(app);
    }
}
