using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Identity;

/// <summary>
/// The demo accounts of the embedded default (listed in the README): one enterprise, one reviewer per district, one
/// portal-wide admin. Idempotent: an existing account is left as it is.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2026";
    public const string EnterpriseUser = "demo-enterprise";
    public const string AdminUser = "admin";
    /// <summary>A second portal-wide administrator: catalog changes need someone other than their maker to approve them.</summary>
    public const string CheckerUser = "admin-checker";
    public static string ReviewerUser(string district) => $"reviewer-{district}";

    /// <summary>The demo enterprise's credit code: division 110107 is Shijingshan; the check character is computed.</summary>
    public static string EnterpriseCreditCode { get; } = PolicyPortal.Domain.Enterprises.CreditCode.WithCheckCharacter("91110107MA01AB3C4");

    public static async Task SeedAsync(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        await PortalRoles.SeedAsync(roles);

        await EnsureAsync(users, clock, logger, EnterpriseUser, "示例科技有限公司", "shijingshan", PortalRoles.Enterprise);
        foreach (var district in Districts.All)
            await EnsureAsync(users, clock, logger, ReviewerUser(district), $"{ChineseName(district)}审核员", district, PortalRoles.Reviewer);
        await EnsureAsync(users, clock, logger, AdminUser, "平台管理员", null, PortalRoles.Admin);
        await EnsureAsync(users, clock, logger, CheckerUser, "复核管理员", null, PortalRoles.Admin);
    }

    private static string ChineseName(string district) => district switch
    {
        "fengtai" => "丰台区",
        "shijingshan" => "石景山区",
        "yizhuang" => "亦庄经开区",
        "tongzhou" => "通州区",
        "binjiang" => "滨江区",
        _ => district,
    };

    private static async Task EnsureAsync(UserManager<PortalUser> users, TimeProvider clock, ILogger logger, string userName, string displayName, string? district, string role)
    {
        if (await users.FindByNameAsync(userName) is not null) return;
        var user = new PortalUser
        {
            UserName = userName,
            Email = $"{userName}@demo.policyportal.local",
            EmailConfirmed = true,
            DisplayName = displayName,
            District = district,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
        logger.LogInformation("Seeded demo account {User} ({Role}, {District})", userName, role, district ?? "all");
    }
}
