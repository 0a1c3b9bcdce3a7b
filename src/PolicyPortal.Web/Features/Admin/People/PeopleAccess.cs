using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Admin.People;

/// <summary>A staff member as the people pages show them: account, one staff role, district, state.</summary>
/// (Init properties rather than a positional record: EF can filter and sort on a member-initialised projection.)
public sealed record StaffMember
{
    public required string Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public required string Role { get; init; }
    public string? District { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DisabledAt { get; init; }
    /// <summary>Invited and no password set yet.</summary>
    public bool Invited { get; init; }
    public DateTimeOffset? LockoutEnd { get; init; }

    /// <summary>Locked out by failed sign-ins (Identity's lockout, which ends by itself).</summary>
    public bool LockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    public bool IsPortalWideAdmin => Role == PortalRoles.Admin && District is null;
}

/// <summary>
/// Who may manage whom, decided from the database (not the sign-in cookie, which may be up to a minute old): the acting
/// administrator must still be an enabled admin. A district administrator manages the reviewers and administrators of their own
/// district; a portal-wide administrator manages every staff member, portal-wide administrators and auditors included (auditors
/// are kept out of district administrators' hands: the people who are audited do not appoint their auditors).
/// </summary>
internal sealed class PeopleAccess(PortalDbContext db)
{
    /// <summary>The acting administrator as stored now, with their district (null: portal-wide); null if not an enabled admin.</summary>
    public async Task<Actor?> ActorAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.UserName, u.District, u.DisabledAt }).SingleOrDefaultAsync(ct);
        if (user is null || user.DisabledAt is not null) return null;
        var isAdmin = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id && r.Name == PortalRoles.Admin select ur).AnyAsync(ct);
        return isAdmin ? new Actor(user.Id, user.UserName ?? "", user.District) : null;
    }

    public static bool Manages(Actor actor, StaffMember member) =>
        actor.District is null || (member.District == actor.District && member.Role is PortalRoles.Reviewer or PortalRoles.Admin);

    /// <summary>May the actor give someone this role and district? (A district admin: reviewer or admin of their own district.)</summary>
    public static bool MayAssign(Actor actor, string role, string? district) =>
        actor.District is null
            ? district is null || Districts.IsKnown(district)
            : district == actor.District && role is PortalRoles.Reviewer or PortalRoles.Admin;

    /// <summary>Staff members (anyone with a staff role), optionally one; enterprises are not staff.</summary>
    public IQueryable<StaffMember> Staff() =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == PortalRoles.Reviewer || r.Name == PortalRoles.Admin || r.Name == PortalRoles.Auditor
        select new StaffMember
        {
            Id = u.Id, UserName = u.UserName!, DisplayName = u.DisplayName, Email = u.Email, Role = r.Name!, District = u.District,
            CreatedAt = u.CreatedAt, DisabledAt = u.DisabledAt, Invited = u.PasswordHash == null, LockoutEnd = u.LockoutEnd,
        };

    /// <summary>The staff the actor manages, filtered: district ("-" for portal-wide), role, and a text in name or user name.</summary>
    public async Task<List<StaffMember>> ListStaffAsync(Actor actor, string? district, string? role, string? text, CancellationToken ct = default)
    {
        var q = Staff().AsNoTracking();
        if (actor.District is not null)
            q = q.Where(m => m.District == actor.District && (m.Role == PortalRoles.Reviewer || m.Role == PortalRoles.Admin));
        else if (district == "-") q = q.Where(m => m.District == null);
        else if (!string.IsNullOrEmpty(district)) q = q.Where(m => m.District == district);
        if (!string.IsNullOrEmpty(role)) q = q.Where(m => m.Role == role);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            q = q.Where(m => m.UserName.Contains(t) || m.DisplayName.Contains(t));
        }
        return await q.OrderBy(m => m.District).ThenBy(m => m.Role).ThenBy(m => m.UserName).Take(500).ToListAsync(ct);
    }

    public async Task<StaffMember?> FindStaffAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        var member = await Staff().AsNoTracking().FirstOrDefaultAsync(m => m.Id == userId, ct);
        return member is not null && Manages(actor, member) ? member : null;
    }

    /// <summary>Enterprise accounts of the actor's districts (one, or all), found by name or credit code; at most 200.</summary>
    public async Task<List<EnterpriseAccount>> ListEnterprisesAsync(Actor actor, string? district, string? text, CancellationToken ct = default)
    {
        var q = from e in db.Enterprises
                join u in db.Users on e.OwnerUserId equals u.Id
                select new EnterpriseAccount
                {
                    EnterpriseId = e.Id, Name = e.Name, CreditCode = e.CreditCode, District = e.District, UserName = u.UserName!,
                    DisabledAt = u.DisabledAt, LockoutEnd = u.LockoutEnd, CreatedAt = u.CreatedAt,
                };
        if (actor.District is not null) q = q.Where(a => a.District == actor.District);
        else if (!string.IsNullOrEmpty(district)) q = q.Where(a => a.District == district);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            q = q.Where(a => a.Name.Contains(t) || a.CreditCode.Contains(t));
        }
        return await q.AsNoTracking().OrderBy(a => a.District).ThenBy(a => a.Name).Take(200).ToListAsync(ct);
    }

    public async Task<EnterpriseAccount?> FindEnterpriseAsync(Actor actor, long enterpriseId, CancellationToken ct = default)
    {
        var account = await (from e in db.Enterprises
                              join u in db.Users on e.OwnerUserId equals u.Id
                              where e.Id == enterpriseId
                              select new EnterpriseAccount
                {
                    EnterpriseId = e.Id, Name = e.Name, CreditCode = e.CreditCode, District = e.District, UserName = u.UserName!,
                    DisabledAt = u.DisabledAt, LockoutEnd = u.LockoutEnd, CreatedAt = u.CreatedAt,
                })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        return account is not null && (actor.District is null || actor.District == account.District) ? account : null;
    }

    public sealed record Actor(string Id, string UserName, string? District);
}

/// <summary>An enterprise's account as the people pages show it.</summary>
public sealed record EnterpriseAccount
{
    public long EnterpriseId { get; init; }
    public required string Name { get; init; }
    public required string CreditCode { get; init; }
    public required string District { get; init; }
    public required string UserName { get; init; }
    public DateTimeOffset? DisabledAt { get; init; }
    public DateTimeOffset? LockoutEnd { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool LockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
