using System.Diagnostics;

namespace PolicyPortal.Web.Hosting;

/// <summary>One structured line per request (Serilog.AspNetCore's request logging cannot be restored here).</summary>
internal sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!context.Request.Path.StartsWithSegments("/lib", StringComparison.Ordinal))
                logger.LogInformation("HTTP {Method} {Path} responded {Status} in {Elapsed:0.0} ms",
                    context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed);
        }
    }
}
