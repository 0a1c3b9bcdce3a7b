namespace PolicyPortal.Web.Hosting;

/// <summary>
/// Security headers on every response: a Content-Security-Policy with no inline scripts (htmx and Bootstrap load from
/// our own origin; the pages carry no inline script), no MIME sniffing, no framing, a strict referrer policy.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    // style 'unsafe-inline': Bootstrap components set inline style attributes; scripts are never inline.
    // img data: Bootstrap's CSS draws its select arrows and toggler icons as data-URI SVGs.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An endpoint may set a stricter policy of its own (evidence previews); none sets a looser one.
            if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
