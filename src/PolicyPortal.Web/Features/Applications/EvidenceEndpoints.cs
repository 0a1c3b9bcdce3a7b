using System.Security.Cryptography;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Storage;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>
/// Evidence per claim: upload (type checked by content, at most 20 MB, stored under a random key), download (owner only,
/// as an attachment with a safe name), removal while the application is editable. Answers redirect back to the
/// application with the outcome, so a refused upload loses nothing already saved.
/// </summary>
internal static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/enterprise").RequireAuthorization(p => p.RequireRole(PortalRoles.Enterprise)).ExcludeFromDescription();

        group.MapPost("/claims/{claimId:long}/evidence", async (long claimId, IFormFile? file, HttpContext http, ClaimsPrincipal user, PortalDbContext db, IEvidenceStore store, EvidenceQuota quota, TimeProvider clock, CancellationToken ct) =>
        {
            var owned = await OwnedClaimAsync(db, user, claimId, ct);
            if (owned is null) return await RefusedAsync(http, db.Claims.AnyAsync(c => c.Id == claimId, ct));
            var back = $"/enterprise/applications/{owned.Value.ApplicationId}";
            if (!ApplicationStateMachine.IsEditableByEnterprise(owned.Value.Status)) return Results.LocalRedirect($"{back}?evidence=not-editable");
            if (file is null || file.Length == 0) return Results.LocalRedirect($"{back}?evidence=missing");
            if (file.Length > EvidenceFile.MaxBytes) return Results.LocalRedirect($"{back}?evidence=too-large");

            await using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var type = EvidenceFile.Sniff(buffer);
            if (type is null) return Results.LocalRedirect($"{back}?evidence=bad-type");
            if (!await quota.HasRoomAsync(claimId, buffer.Length, ct)) return Results.LocalRedirect($"{back}?evidence=over-quota");

            var key = $"{Guid.NewGuid():N}{Guid.NewGuid():N}";
            var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            buffer.Position = 0;
            await store.SaveAsync(key, buffer, ct);
            db.Evidence.Add(new Evidence
            {
                ClaimId = claimId, FileName = EvidenceFile.SafeName(file.FileName, type.Value), ContentType = EvidenceFile.ContentType(type.Value),
                Size = buffer.Length, StorageKey = key, Sha256 = sha, UploadedAt = clock.GetUtcNow(),
            });
            try
            {
                if (!await quota.SaveWithinQuotaAsync(claimId, buffer.Length, ct))
                {
                    await store.DeleteAsync(key, CancellationToken.None); // lost the race for the last room: nothing kept
                    return Results.LocalRedirect($"{back}?evidence=over-quota");
                }
            }
            catch (DbUpdateException)
            {
                await store.DeleteAsync(key, CancellationToken.None); // no orphan bytes when the row could not be written
                throw;
            }
            return Results.LocalRedirect($"{back}?evidence=ok");
        }).WithMetadata(new RequestSizeLimitAttribute(EvidenceFile.MaxBytes + 1024 * 1024));

        group.MapGet("/evidence/{id:long}", async (long id, HttpContext http, ClaimsPrincipal user, PortalDbContext db, IEvidenceStore store, CancellationToken ct) =>
        {
            var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
            var owned = evidence is not null && await OwnedClaimAsync(db, user, evidence.ClaimId, ct) is not null;
            if (evidence is not null && !owned) return await RefusedAsync(http, Task.FromResult(true));
            return await EvidenceDownload.SendAsync(http, store, owned ? evidence : null, ct);
        });

        group.MapPost("/evidence/{id:long}/delete", async (long id, HttpContext http, ClaimsPrincipal user, PortalDbContext db, IEvidenceStore store, CancellationToken ct) =>
        {
            var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == id, ct);
            var owned = evidence is null ? null : await OwnedClaimAsync(db, user, evidence.ClaimId, ct);
            if (evidence is null || owned is null) return await RefusedAsync(http, Task.FromResult(evidence is not null));
            var back = $"/enterprise/applications/{owned.Value.ApplicationId}";
            if (!ApplicationStateMachine.IsEditableByEnterprise(owned.Value.Status)) return Results.LocalRedirect($"{back}?evidence=not-editable");
            db.Evidence.Remove(evidence);
            await db.SaveChangesAsync(ct);
            await store.DeleteAsync(evidence.StorageKey, ct);
            return Results.LocalRedirect($"{back}?evidence=removed");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute(true)); // binds no form field, so say it
    }

    /// <summary>404 either way; recorded as a refused access when the thing asked for exists (it is another enterprise's).</summary>
    private static async Task<IResult> RefusedAsync(HttpContext http, Task<bool> exists)
    {
        if (await exists) await http.RequestServices.GetRequiredService<Hosting.RefusedAccess>().RecordAsync(http, "another enterprise's evidence");
        return Results.NotFound();
    }

    /// <summary>The claim's application id and status when the claim belongs to the user's enterprise; otherwise null.</summary>
    private static async Task<(long ApplicationId, ApplicationStatus Status)?> OwnedClaimAsync(PortalDbContext db, ClaimsPrincipal user, long claimId, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var row = await (from c in db.Claims
                         join p in db.Set<Project>() on c.ProjectId equals p.Id
                         join a in db.Applications on p.ApplicationId equals a.Id
                         join e in db.Enterprises on a.EnterpriseId equals e.Id
                         where c.Id == claimId && e.OwnerUserId == userId
                         select new { a.Id, a.Status }).SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.Status);
    }
}
