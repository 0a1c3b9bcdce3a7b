using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyPortal.Domain;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Notifications;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Features.Admin.People;

/// <summary>The outcome of a people action: done, not found (outside the actor's reach: answered 404), or refused with a reason.</summary>
public sealed record PeopleResult(bool Ok, bool NotFound, string? Field, BilingualText? Error)
{
    public static readonly PeopleResult Done = new(true, false, null, null);
    public static readonly PeopleResult Missing = new(false, true, null, null);
    public static PeopleResult Refused(BilingualText error, string? field = null) => new(false, false, field, error);
}

/// <summary>
/// What administrators do to accounts: invite staff, change a staff member's role and district, disable and enable staff
/// accounts, lock and unlock enterprise accounts. Each action runs in one transaction with its audit entry (before and after),
/// serialised across instances on PostgreSQL so that two administrators cannot together remove the last portal-wide
/// administrator. Every change renews the account's security stamp: its open sessions end at their next check.
/// </summary>
internal sealed class StaffAdmin(PortalDbContext db, UserManager<PortalUser> users, PeopleAccess access, AuditLog audit, Notifier notifier,
    IHttpContextAccessor http, IOptions<AccountOptions> accounts, TimeProvider clock)
{
    /// <summary>Advisory-lock key of people changes: "PPPEOP" in ASCII.</summary>
    private const long LockKey = 0x5050_5045_4F50;

    public async Task<PeopleResult> InviteAsync(ClaimsPrincipal principal, InviteInput input, CancellationToken ct = default)
    {
        var district = input.District.Length == 0 ? null : input.District;
        var userName = input.UserName.Trim();
        return await InTransactionAsync(principal, async (actor, token) =>
        {
            if (!PeopleAccess.MayAssign(actor, input.Role, district))
                return PeopleResult.Refused(new("您无权在该区或以该角色邀请人员", "You cannot invite people to this district or with this role"), nameof(InviteInput.District));
            if (await users.FindByNameAsync(userName) is not null)
                return PeopleResult.Refused(new($"用户名 {userName} 已被使用", $"The user name {userName} is taken"), nameof(InviteInput.UserName));
            var user = new PortalUser
            {
                UserName = userName, DisplayName = input.DisplayName.Trim(), Email = input.Email.Trim(), EmailConfirmed = false,
                District = district, CreatedAt = clock.GetUtcNow(), LockoutEnabled = true,
            };
            // No password: the account cannot sign in until the invitee sets one through the link.
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return Failed(created, nameof(InviteInput.UserName));
            var role = await users.AddToRoleAsync(user, input.Role);
            if (!role.Succeeded) return Failed(role, nameof(InviteInput.Role));
            await SendInvitationAsync(user, input.Role, actor, token);
            audit.Add(Who(principal), "User", userName, "InviteStaff", null, Snapshot(user, input.Role), $"邀请 {user.DisplayName}（{RoleName(input.Role)}）", district: district);
            return PeopleResult.Done;
        }, ct);
    }

    /// <summary>A new invitation link for an account whose invitee has not set a password yet; the old link stops working.</summary>
    public async Task<PeopleResult> ResendInvitationAsync(ClaimsPrincipal principal, string userId, CancellationToken ct = default) =>
        await OnStaffAsync(principal, userId, async (actor, member, user, token) =>
        {
            if (!member.Invited) return PeopleResult.Refused(new("该账号已设置密码，无需重新邀请", "This account already has a password"));
            await users.UpdateSecurityStampAsync(user);
            await SendInvitationAsync(user, member.Role, actor, token);
            audit.Add(Who(principal), "User", member.UserName, "ResendInvitation", null, null, $"重新发送邀请至 {MaskedEmail(user.Email)}", district: member.District);
            return PeopleResult.Done;
        }, ct);

    public async Task<PeopleResult> ChangeAsync(ClaimsPrincipal principal, string userId, StaffChangeInput input, CancellationToken ct = default)
    {
        var district = input.District.Length == 0 ? null : input.District;
        return await OnStaffAsync(principal, userId, async (actor, member, user, token) =>
        {
            if (member.Id == actor.Id) return PeopleResult.Refused(new("不能更改自己的角色或所属区", "You cannot change your own role or district"), nameof(StaffChangeInput.Role));
            if (!PeopleAccess.MayAssign(actor, input.Role, district))
                return PeopleResult.Refused(new("您无权设置该角色或所属区", "You cannot give this role or district"), nameof(StaffChangeInput.District));
            if (member.Role == input.Role && member.District == district)
                return PeopleResult.Refused(new("角色和所属区均未改变", "Neither role nor district changed"), nameof(StaffChangeInput.Role));
            var stillPortalAdmin = input.Role == PortalRoles.Admin && district is null;
            if (member.IsPortalWideAdmin && member.DisabledAt is null && !stillPortalAdmin && !await AnotherPortalAdminAsync(member.Id, token))
                return LastPortalAdmin();
            var before = Snapshot(user, member.Role);
            if (member.Role != input.Role)
            {
                var removed = await users.RemoveFromRoleAsync(user, member.Role);
                if (!removed.Succeeded) return Failed(removed, nameof(StaffChangeInput.Role));
                var added = await users.AddToRoleAsync(user, input.Role);
                if (!added.Succeeded) return Failed(added, nameof(StaffChangeInput.Role));
            }
            user.District = district;
            var updated = await users.UpdateSecurityStampAsync(user);
            if (!updated.Succeeded) return Failed(updated, nameof(StaffChangeInput.Role));
            // Filed under the district the account now belongs to; a move out of a district is also filed under the old one.
            var after = Snapshot(user, input.Role);
            audit.Add(Who(principal), "User", member.UserName, "ChangeRole", before, after, input.Reason.Trim(), district: district);
            if (member.District is not null && member.District != district)
                audit.Add(Who(principal), "User", member.UserName, "ChangeRole", before, after, input.Reason.Trim(), district: member.District);
            return PeopleResult.Done;
        }, ct);
    }

    public async Task<PeopleResult> SetStaffEnabledAsync(ClaimsPrincipal principal, string userId, bool enabled, string reason, CancellationToken ct = default) =>
        await OnStaffAsync(principal, userId, async (actor, member, user, token) =>
        {
            if (member.Id == actor.Id) return PeopleResult.Refused(new("不能停用或启用自己的账号", "You cannot disable or enable your own account"));
            if (enabled == (member.DisabledAt is null))
                return PeopleResult.Refused(enabled ? new("该账号未被停用", "This account is not disabled") : new("该账号已停用", "This account is already disabled"));
            if (!enabled && member.IsPortalWideAdmin && !await AnotherPortalAdminAsync(member.Id, token)) return LastPortalAdmin();
            return await SetStateAsync(principal, user, member.Role, enabled, enabled ? "EnableAccount" : "DisableAccount", reason, member.District);
        }, ct);

    /// <summary>Locks or unlocks an enterprise's account (by the enterprise's file): the enterprise's district must be the actor's.</summary>
    public async Task<PeopleResult> SetEnterpriseLockedAsync(ClaimsPrincipal principal, long enterpriseId, bool locked, string reason, CancellationToken ct = default) =>
        await InTransactionAsync(principal, async (actor, token) =>
        {
            var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => new { e.OwnerUserId, e.District }).SingleOrDefaultAsync(token);
            if (enterprise is null || (actor.District is not null && actor.District != enterprise.District)) return PeopleResult.Missing;
            var user = await users.FindByIdAsync(enterprise.OwnerUserId);
            if (user is null) return PeopleResult.Missing;
            if (locked == (user.DisabledAt is not null))
                return PeopleResult.Refused(locked ? new("该企业账号已锁定", "This account is already locked") : new("该企业账号未被锁定", "This account is not locked"));
            return await SetStateAsync(principal, user, PortalRoles.Enterprise, !locked, locked ? "LockAccount" : "UnlockAccount", reason, enterprise.District);
        }, ct);

    private async Task<PeopleResult> SetStateAsync(ClaimsPrincipal principal, PortalUser user, string role, bool enabled, string action, string reason, string? district)
    {
        var before = Snapshot(user, role);
        user.DisabledAt = enabled ? null : clock.GetUtcNow();
        if (enabled)
        {
            // Unlocking also lifts a lockout after failed sign-ins: the administrator has looked at the account.
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) return Failed(updated, null);
        audit.Add(Who(principal), "User", user.UserName ?? user.Id, action, before, Snapshot(user, role), reason.Trim(), district: district);
        return PeopleResult.Done;
    }

    private async Task<PeopleResult> OnStaffAsync(ClaimsPrincipal principal, string userId, Func<PeopleAccess.Actor, StaffMember, PortalUser, CancellationToken, Task<PeopleResult>> act, CancellationToken ct) =>
        await InTransactionAsync(principal, async (actor, token) =>
        {
            var member = await access.Staff().AsNoTracking().FirstOrDefaultAsync(m => m.Id == userId, token);
            if (member is null || !PeopleAccess.Manages(actor, member)) return PeopleResult.Missing;
            var user = await users.FindByIdAsync(userId);
            return user is null ? PeopleResult.Missing : await act(actor, member, user, token);
        }, ct);

    /// <summary>
    /// One transaction per action, the acting administrator re-read inside it. Nothing is saved unless the action succeeds:
    /// Identity's own saves happen inside the transaction, which is rolled back on a refusal.
    /// </summary>
    private async Task<PeopleResult> InTransactionAsync(ClaimsPrincipal principal, Func<PeopleAccess.Actor, CancellationToken, Task<PeopleResult>> act, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", token);
            var actor = await access.ActorAsync(principal, token);
            if (actor is null) return PeopleResult.Missing;
            var result = await act(actor, token);
            if (!result.Ok)
            {
                await tx.RollbackAsync(token);
                db.ChangeTracker.Clear();
                return result;
            }
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return result;
        }, ct);
    }

    private async Task<bool> AnotherPortalAdminAsync(string exceptUserId, CancellationToken ct) =>
        await access.Staff().AnyAsync(m => m.Id != exceptUserId && m.Role == PortalRoles.Admin && m.District == null && m.DisabledAt == null, ct);

    private async Task SendInvitationAsync(PortalUser user, string role, PeopleAccess.Actor actor, CancellationToken ct)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var link = $"{BaseUrl()}/account/activate?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var hours = (int)InvitationTokenProvider.Lifespan.TotalHours;
        await notifier.NotifyAsync(user.Id, "政策兑现服务平台账号邀请",
            $"{user.DisplayName}，您好：管理员 {actor.UserName} 邀请您以“{RoleName(role)}”身份使用政策兑现服务平台，用户名 {user.UserName}。" +
            $"请在 {hours} 小时内打开以下链接设置密码（链接仅可使用一次）：\n{link}\n如非本人，请忽略本邮件。",
            null, ct);
    }

    private string BaseUrl()
    {
        if (accounts.Value.PublicBaseUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    private AuditActor Who(ClaimsPrincipal principal) => AuditActors.For(principal, http.HttpContext);

    private static object Snapshot(PortalUser user, string role) => new
    {
        userName = user.UserName, displayName = user.DisplayName, role, district = user.District,
        disabled = user.DisabledAt is not null, email = MaskedEmail(user.Email),
    };

    /// <summary>The audit log is read by people who need not know the address: the first character and the domain.</summary>
    internal static string? MaskedEmail(string? email)
    {
        if (string.IsNullOrEmpty(email)) return null;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    private static string RoleName(string role) => role switch
    {
        PortalRoles.Reviewer => "审核人员",
        PortalRoles.Admin => "管理员",
        PortalRoles.Auditor => "审计员",
        _ => role,
    };

    private static PeopleResult LastPortalAdmin() =>
        PeopleResult.Refused(new("这是最后一名启用中的全平台管理员，不能停用或降级", "This is the last enabled portal-wide administrator: it cannot be disabled or changed"));

    private static PeopleResult Failed(IdentityResult result, string? field) =>
        PeopleResult.Refused(new(string.Join("；", result.Errors.Select(e => e.Description)), string.Join("; ", result.Errors.Select(e => e.Code))), field);
}
