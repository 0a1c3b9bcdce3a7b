using System.Text.RegularExpressions;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Web.Hosting;

namespace PolicyPortal.Web.Features.Review;

/// <summary>
/// Before a form post to a review desk (/review/{id}) runs: the application must be one the reviewer may open, or the answer
/// is 404, as for the page itself. Without this a post from another district's reviewer would reach the page, find no form
/// (the page renders none for them) and answer 400; nothing would change, but the refusal would not say so.
/// </summary>
internal sealed partial class ReviewDeskGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ReviewerAccess access)
    {
        if (HttpMethods.IsPost(context.Request.Method) && DeskPath().Match(context.Request.Path.Value ?? "") is { Success: true } match
            && (context.User.IsInRole(PortalRoles.Reviewer) || context.User.IsInRole(PortalRoles.Admin)))
        {
            var id = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!await access.MayOpenAsync(context.User, id, context.RequestAborted))
            {
                context.RespondNotFound();
                return;
            }
        }
        await next(context);
    }

    [GeneratedRegex(@"^/review/(\d{1,18})/?$")]
    private static partial Regex DeskPath();
}
