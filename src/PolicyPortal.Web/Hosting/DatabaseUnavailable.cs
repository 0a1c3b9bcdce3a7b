using System.Globalization;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PolicyPortal.Web.Hosting;

/// <summary>
/// While the database is down (stopped, restarting, unreachable) every request that needs it fails. Instead of a 500
/// (or the error page, which itself may need the database), the portal answers 503 with Retry-After: a self-contained
/// Chinese/English page for people, RFC 7807 problem details under /api/. Nothing is cached about the outage: the next
/// request tries the database again, so the portal recovers by itself when the database returns.
/// </summary>
internal sealed partial class DatabaseUnavailable(RequestDelegate next, ILogger<DatabaseUnavailable> logger)
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsUnavailable(ex) && !context.Response.HasStarted)
        {
            // One line, no stack: an outage is an operational event, and a storm of requests would drown the log in traces.
            Unavailable(logger, context.Request.Method, context.Request.Path.Value, Describe(ex));
            await WriteAsync(context);
        }
    }

    /// <summary>True when the exception (or one it wraps) says the database could not be reached, not that a statement was wrong.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case RetryLimitExceededException:
                case SocketException:
                case TimeoutException:
                    return true;
                // Class 08 (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many connections).
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                // Npgsql's own failures to connect or to read from a dropped connection are transient; statement errors are not.
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }
        return false;
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return $"{exception.GetType().Name}: {innermost.GetType().Name}: {innermost.Message}";
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await Results.Problem(
                type: "https://policyportal.example/problems/service-unavailable",
                title: "服务暂时不可用 / Service temporarily unavailable",
                detail: $"数据库暂时无法访问，请 {RetryAfterSeconds} 秒后重试 / the database cannot be reached at the moment; retry after {RetryAfterSeconds} s",
                statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page);
    }

    // Self-contained (no layout, no database, no script): it must render while the database is down.
    private static readonly string Page = $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>服务暂时不可用 · 政策兑现服务平台</title>
        <style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#212529}h1{font-size:1.4rem}p{line-height:1.6}.en{color:#6c757d}</style>
        </head>
        <body>
        <h1>服务暂时不可用</h1>
        <p>系统正在恢复，暂时无法处理您的请求。您已提交并取得受理编号的申报不受影响。请约 {{RetryAfterSeconds}} 秒后刷新页面重试。</p>
        <p class="en" lang="en">Service temporarily unavailable. The system is recovering and cannot handle your request just now; applications already
        acknowledged with a tracking number are not affected. Please reload in about {{RetryAfterSeconds}} seconds.</p>
        </body>
        </html>
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {Method} {Path} answered 503 ({Reason})")]
    private static partial void Unavailable(ILogger logger, string method, string? path, string reason);
}
