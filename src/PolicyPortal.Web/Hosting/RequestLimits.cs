using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;

namespace PolicyPortal.Web.Hosting;

/// <summary>Section "RequestLimits": the largest request body anywhere but where an endpoint allows more (evidence uploads).</summary>
internal sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";
    /// <summary>Forms and JSON: 1 MB is far above any form of the portal and far below what could tie up a worker.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Answers 413 to an over-large body, never 500: at once when the declared length is over the endpoint's limit (its
/// <see cref="IRequestSizeLimitMetadata"/>, else <see cref="RequestLimitOptions.MaxBodyBytes"/>), and when Kestrel stops a body
/// that grows past the limit without declaring its length (it throws while the form or JSON is being read). A form gets a
/// message in Chinese and English, the API a problem document.
/// </summary>
internal sealed class RequestLimits(RequestDelegate next, Microsoft.Extensions.Options.IOptions<RequestLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
        }
    }

    private static async Task TooLargeAsync(HttpContext context, long? limit)
    {
        var mb = limit is { } l ? (l / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) : "?";
        context.Response.Clear();
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await Results.Problem(title: "请求体过大 / Request body too large", detail: $"最大 {mb} MB / at most {mb} MB",
                statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }
        await MessagePage.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "提交的内容过大", $"本页提交的内容最大 {mb} MB。请返回上一页，缩小内容后重试。",
            $"The submission is too large ({mb} MB at most). Go back and try again with less.");
    }
}
