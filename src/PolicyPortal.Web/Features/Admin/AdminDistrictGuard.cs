using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Web.Hosting;

namespace PolicyPortal.Web.Features.Admin;

/// <summary>
/// Before the budget, notice, payment and people pages run: a district named in the query or in a posted form must be one the
/// administrator may act on (<see cref="AdminScope"/>), or the answer is 404 — as for a district that does not exist. The pages
/// check again; this also refuses a forged post before any page code runs (a page could otherwise only answer 400, because the
/// form it would have rendered is not there).
/// </summary>
internal sealed class AdminDistrictGuard(RequestDelegate next)
{
    private static readonly string[] Guarded = ["/admin/budgets", "/admin/notices", "/admin/payments", "/admin/people"];

    public async Task InvokeAsync(HttpContext context)
    {
        // /admin/catalog/{district}/…: the district is in the address; the pages answer 404, this also records the attempt.
        if (context.User.IsInRole(PortalRoles.Admin) && context.Request.Path.StartsWithSegments("/admin/catalog", StringComparison.OrdinalIgnoreCase, out var rest)
            && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var routed, ..] && Districts.IsKnown(routed) && !AdminScope.Manages(context.User, routed))
        {
            await context.RefuseAsNotFoundAsync("another district's catalog");
            return;
        }
        if (context.User.Identity?.IsAuthenticated == true && Guarded.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            var requested = context.Request.Query["district"].ToString();
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (form["district"].ToString() is { Length: > 0 } posted)
                {
                    // Query and form must agree: a post cannot act on one district while its address names another.
                    if (requested.Length > 0 && !string.Equals(requested, posted, StringComparison.Ordinal)) requested = "\0";
                    else requested = posted;
                }
            }
            // "-" (the people list's "portal-wide" filter) is a choice for portal-wide administrators only.
            var refused = requested == "-" ? !AdminScope.IsPortalWide(context.User) : AdminScope.Resolve(context.User, requested) is null;
            if (requested.Length > 0 && refused)
            {
                // A real district the administrator does not manage is a refused access; an unknown name is just not found.
                if (Districts.IsKnown(requested)) await context.RefuseAsNotFoundAsync("another district");
                else context.RespondNotFound();
                return;
            }
            if (!await People.PeopleGuard.InReachAsync(context))
            {
                context.RespondNotFound();
                return;
            }
        }
        await next(context);
    }
}
