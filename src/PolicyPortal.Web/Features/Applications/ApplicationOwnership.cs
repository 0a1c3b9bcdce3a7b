using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Web.Hosting;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>
/// Before anything under /enterprise/applications/{id} runs (page, preview, form post): the application must belong to the
/// signed-in user's enterprise, or the answer is 404 — the same as for an id that does not exist, so ids reveal nothing. (The
/// pages also load only the user's own applications; this refuses a forged post before any page code runs.) Asking for
/// another enterprise's existing application is recorded as a refused access.
/// </summary>
internal sealed partial class ApplicationOwnership(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PortalDbContext db)
    {
        if (context.User.Identity?.IsAuthenticated == true && ApplicationPath().Match(context.Request.Path.Value ?? "") is { Success: true } match)
        {
            var id = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var owned = userId is not null && await db.Applications.AnyAsync(a => a.Id == id
                && db.Enterprises.Any(e => e.Id == a.EnterpriseId && e.OwnerUserId == userId), context.RequestAborted);
            if (!owned)
            {
                if (await db.Applications.AnyAsync(a => a.Id == id, context.RequestAborted))
                    await context.RefuseAsNotFoundAsync("another enterprise's application");
                else
                    context.RespondNotFound();
                return;
            }
        }
        await next(context);
    }

    [GeneratedRegex(@"^/enterprise/applications/(\d{1,18})(/.*)?$")]
    private static partial Regex ApplicationPath();
}
