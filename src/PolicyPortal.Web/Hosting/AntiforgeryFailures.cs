using Microsoft.AspNetCore.Antiforgery;

namespace PolicyPortal.Web.Hosting;

/// <summary>
/// A form posted with a missing or stale antiforgery token (an old tab, a forged post) answers 400 with a message,
/// before any endpoint tries to read the form (which would otherwise throw and answer 500).
/// </summary>
internal sealed class AntiforgeryFailures(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } failed)
        {
            // A body too large to read is not a stale form: let RequestLimits answer 413.
            if (failed.Error?.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(tooLarge);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("页面已过期或请求无效：请返回上一页，刷新后重试。/ The form has expired or the request is invalid: go back, reload and try again.");
            return;
        }
        await next(context);
    }
}
