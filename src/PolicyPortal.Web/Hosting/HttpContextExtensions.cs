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

    /// <summary>
    /// Answer 404 for a resource that exists but is another's (the same answer as for one that does not exist, so ids reveal
    /// nothing), and record the refusal in the audit log.
    /// </summary>
    public static async Task RefuseAsNotFoundAsync(this HttpContext context, string reason)
    {
        await context.RequestServices.GetRequiredService<RefusedAccess>().RecordAsync(context, reason);
        context.RespondNotFound();
    }
}
