using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Web.Hosting;

namespace PolicyPortal.Web.Features.Review;

/// <summary>
/// What a reviewer may open: submitted applications of their own district (a portal-wide admin: any district).
/// Anything else is simply not found.
/// </summary>
internal sealed class ReviewerAccess(PortalDbContext db, RefusedAccess refused, IHttpContextAccessor http)
{
    public async Task<Application?> FindAsync(ClaimsPrincipal user, long id, CancellationToken ct = default)
    {
        var district = ReviewQueue.ScopeOf(user);
        var application = await db.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).ThenInclude(c => c.Evidence).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id && a.Status != Domain.Applications.ApplicationStatus.Draft && (district == null || a.District == district), ct);
        if (application is null && await db.Applications.AnyAsync(a => a.Id == id, ct)) await RecordAsync("an application outside the reviewer's scope");
        return application;
    }

    /// <summary>Whether the reviewer may open the application (without loading it); a refusal of an existing one is recorded.</summary>
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, long id, CancellationToken ct = default)
    {
        var district = ReviewQueue.ScopeOf(user);
        if (await db.Applications.AnyAsync(a => a.Id == id && a.Status != Domain.Applications.ApplicationStatus.Draft && (district == null || a.District == district), ct))
            return true;
        if (await db.Applications.AnyAsync(a => a.Id == id, ct)) await RecordAsync("an application outside the reviewer's scope");
        return false;
    }

    /// <summary>The evidence row when its application is one the reviewer may open.</summary>
    public async Task<Evidence?> FindEvidenceAsync(ClaimsPrincipal user, long evidenceId, CancellationToken ct = default)
    {
        var district = ReviewQueue.ScopeOf(user);
        var evidence = await (from e in db.Evidence
                              join c in db.Claims on e.ClaimId equals c.Id
                              join p in db.Set<Project>() on c.ProjectId equals p.Id
                              join a in db.Applications on p.ApplicationId equals a.Id
                              where e.Id == evidenceId && a.Status != Domain.Applications.ApplicationStatus.Draft && (district == null || a.District == district)
                              select e).AsNoTracking().SingleOrDefaultAsync(ct);
        if (evidence is null && await db.Evidence.AnyAsync(e => e.Id == evidenceId, ct)) await RecordAsync("evidence outside the reviewer's scope");
        return evidence;
    }

    private async Task RecordAsync(string reason)
    {
        if (http.HttpContext is { } context) await refused.RecordAsync(context, reason);
    }
}
