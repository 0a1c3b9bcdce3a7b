using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Data;

/// <summary>Accounts on each provider: the demo seed, the password policy and the district scoping are stored and read back.</summary>
public sealed class AccountStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_accounts_are_seeded_once_with_their_roles_and_districts(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "accounts");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        _ = factory.Services; // starts the host: migrations and seeding run
        await DatabaseInitializer.InitializeAsync(factory.Services); // a second start must not duplicate anything

        await using var db = database.CreateContext();
        var users = await db.Users.OrderBy(u => u.UserName).Select(u => new { u.UserName, u.District }).ToListAsync();
        // One enterprise, five reviewers, two portal-wide admins (maker and checker), one auditor: each once, even after a second start.
        Assert.Equal(9, users.Count);
        Assert.Equal(users.Count, users.Select(u => u.UserName).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(users, u => u.UserName == DemoAccounts.AdminUser && u.District == null);
        Assert.Contains(users, u => u.UserName == "reviewer-yizhuang" && u.District == "yizhuang");

        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var reviewer = await manager.FindByNameAsync("reviewer-binjiang");
        Assert.NotNull(reviewer);
        Assert.Equal([PortalRoles.Reviewer], await manager.GetRolesAsync(reviewer));
        var auditor = await manager.FindByNameAsync(DemoAccounts.AuditorUser);
        Assert.NotNull(auditor);
        Assert.Null(auditor.District);
        Assert.Equal([PortalRoles.Auditor], await manager.GetRolesAsync(auditor));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_role_exists_without_demo_accounts(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "roles");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false", ["Accounts:SeedDemoAccounts"] = "false" });
        _ = factory.Services;

        await using var db = database.CreateContext();
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Equal(PortalRoles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Password_policy_needs_eight_to_sixty_four_characters_of_three_classes(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "passwords");
        await using var factory = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        async Task<IdentityResult> Create(string name, string password) =>
            await manager.CreateAsync(new PortalUser { UserName = name, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow }, password);

        var tooShort = await Create("u1", "Ab1!");
        Assert.Contains(tooShort.Errors, e => e.Description.Contains("至少 8", StringComparison.Ordinal));
        var twoClasses = await Create("u2", "abcdefgh12");
        Assert.Contains(twoClasses.Errors, e => e.Code == "PasswordClasses");
        var tooLong = await Create("u3", "Aa1" + new string('x', 62));
        Assert.Contains(tooLong.Errors, e => e.Code == "PasswordTooLong");
        Assert.True((await Create("u4", "abcdefG1")).Succeeded);
        Assert.True((await Create("u5", "abc-def-12")).Succeeded);
        Assert.Equal(2, await manager.Users.CountAsync(u => u.UserName == "u4" || u.UserName == "u5"));
    }
}
