using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Data;

/// <summary>A production database (no demo accounts) gets its first portal-wide administrator from Accounts:FirstAdmin, once.</summary>
public sealed class FirstAdministratorTests
{
    private static Dictionary<string, string?> Settings(string password) => new()
    {
        ["Scheduler:Enabled"] = "false", ["Accounts:SeedDemoAccounts"] = "false",
        ["Accounts:FirstAdmin:UserName"] = "root-admin", ["Accounts:FirstAdmin:Password"] = password,
    };

    [Fact]
    public async Task The_first_administrator_is_created_once_signs_in_and_is_audited_and_later_starts_leave_it_alone()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres, "firstadmin");
        await using (var factory = new PortalFactory(database, Settings("Root@2026first")))
        {
            _ = factory.Services;
            await DatabaseInitializer.InitializeAsync(factory.Services); // a second start
            using var client = await Forms.SignedInAsync(factory, "root-admin", "Root@2026first");
            using var admin = await client.GetAsync(new Uri("/admin/people", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }
        // A later start with another password configured changes nothing: an administrator exists.
        await using (var factory = new PortalFactory(database, Settings("Other@2026pass")))
            _ = factory.Services;

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "CreateFirstAdmin" && e.EntityId == "root-admin"));
    }

    [Fact]
    public async Task A_first_administrator_password_that_breaks_the_policy_stops_the_start_with_the_reason()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres, "firstadminweak");
        await using var factory = new PortalFactory(database, Settings("short"));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Accounts:FirstAdmin", error.ToString(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
