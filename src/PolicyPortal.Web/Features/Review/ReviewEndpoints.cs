using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Storage;

namespace PolicyPortal.Web.Features.Review;

/// <summary>Evidence downloads for the district's reviewers (always an attachment, like the owner's).</summary>
internal static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this WebApplication app) =>
        app.MapGet("/review/evidence/{id:long}", async (long id, HttpContext http, ClaimsPrincipal user, ReviewerAccess access, IEvidenceStore store, CancellationToken ct) =>
        {
            var evidence = await access.FindEvidenceAsync(user, id, ct);
            var stream = evidence is null ? null : await store.OpenReadAsync(evidence.StorageKey, ct);
            if (evidence is null || stream is null) return Results.NotFound();
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(evidence.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            return Results.Stream(stream, evidence.ContentType);
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Reviewer, PortalRoles.Admin)).ExcludeFromDescription();
}
