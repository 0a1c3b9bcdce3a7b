using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Identity;

/// <summary>Section "Accounts:FirstAdmin": the portal-wide administrator a new production database starts with.</summary>
public sealed class FirstAdminOptions
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// A production database has no demo accounts, and people are invited by an administrator, so the first administrator
/// comes from configuration: when <c>Accounts:FirstAdmin:UserName</c> and <c>Password</c> are set and the database has no
/// enabled portal-wide administrator, that account is created at start (the password policy applies) and audited. Once any
/// portal-wide administrator exists the settings do nothing, so they can be removed after the first start.
/// </summary>
public static class FirstAdministrator
{
    public static async Task EnsureAsync(PortalDbContext db, UserManager<PortalUser> users, FirstAdminOptions options, TimeProvider clock, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.UserName) || string.IsNullOrEmpty(options.Password)) return;
        var adminRole = await db.Roles.Where(r => r.Name == PortalRoles.Admin).Select(r => r.Id).SingleAsync(ct);
        var portalAdmins = from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           where ur.RoleId == adminRole && u.District == null && u.DisabledAt == null
                           select u.Id;
        if (await portalAdmins.AnyAsync(ct)) return;

        var user = new PortalUser
        {
            UserName = options.UserName.Trim(), Email = options.Email, EmailConfirmed = options.Email is not null, DisplayName = "平台管理员",
            CreatedAt = clock.GetUtcNow(), LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, options.Password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Accounts:FirstAdmin could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, PortalRoles.Admin);
        new AuditLog(db, clock).Add(AuditActor.System, "User", user.UserName, "CreateFirstAdmin", null,
            new { userName = user.UserName, role = PortalRoles.Admin, district = (string?)null }, "由配置 Accounts:FirstAdmin 创建首位平台管理员");
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Created the first portal-wide administrator {User} from Accounts:FirstAdmin; remove the password from the configuration", user.UserName);
    }
}
