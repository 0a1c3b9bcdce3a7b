using Microsoft.AspNetCore.Diagnostics;

namespace PolicyPortal.Web.Hosting;

internal static class HttpContextExtensions
{
    /// <summary>
    /// Answer 404 with the page's own body. Status-code re-execution is switched off for this response: re-running a
    /// Razor component endpoint inside the same request fails ("NavigationManager already initialized").
    /// </summary>
    public static void RespondNotFound(this HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
