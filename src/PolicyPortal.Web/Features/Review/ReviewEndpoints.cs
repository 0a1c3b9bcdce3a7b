using System.Security.Claims;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Storage;

namespace PolicyPortal.Web.Features.Review;

/// <summary>Evidence downloads for the district's reviewers (always an attachment, like the owner's).</summary>
internal static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this WebApplication app)
    {
        app.MapGet("/review/evidence/{id:long}", async (long id, HttpContext http, ClaimsPrincipal user, ReviewerAccess access, IEvidenceStore store, CancellationToken ct) =>
            await EvidenceDownload.SendAsync(http, store, await access.FindEvidenceAsync(user, id, ct), ct))
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Reviewer, PortalRoles.Admin)).ExcludeFromDescription();
        app.MapGet("/review/evidence/{id:long}/preview", async (long id, HttpContext http, ClaimsPrincipal user, ReviewerAccess access, IEvidenceStore store, CancellationToken ct) =>
            await EvidencePreview.SendAsync(http, store, await access.FindEvidenceAsync(user, id, ct), ct))
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Reviewer, PortalRoles.Admin)).ExcludeFromDescription();
    }
}
