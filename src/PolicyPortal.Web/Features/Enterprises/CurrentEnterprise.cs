using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Enterprises;

namespace PolicyPortal.Web.Features.Enterprises;

/// <summary>The signed-in user's own enterprise file: every enterprise page reads through here, so nobody reaches another's.</summary>
internal sealed class CurrentEnterprise(PortalDbContext db)
{
    public Task<Enterprise?> FindAsync(ClaimsPrincipal user, bool tracking = false)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return Task.FromResult<Enterprise?>(null);
        var query = db.Enterprises.Include(e => e.Qualifications).Include(e => e.ExternalAwards).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(e => e.OwnerUserId == userId);
    }
}
