using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Infrastructure.Data;

/// <summary>At start-up: apply the migrations (through EF's execution strategy), then seed what the configuration asks for.</summary>
public static class DatabaseInitializer
{
    /// <summary>The advisory-lock key serialising start-up across instances: "PPINIT" in ASCII.</summary>
    private const long LockKey = 0x5050_494E_4954;

    /// <summary>
    /// On PostgreSQL, instances starting together take turns (a session advisory lock on a connection of its own): the first
    /// migrates and seeds, the others find it done. Without it, two fresh instances race on the same migration and one fails.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var lockScope = services.CreateScope();
        var lockDb = lockScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!lockDb.Database.IsNpgsql())
        {
            await InitializeUnlockedAsync(services, cancellationToken);
            return;
        }
        await lockDb.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            try
            {
                await InitializeUnlockedAsync(services, cancellationToken);
            }
            finally
            {
                await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await lockDb.Database.CloseConnectionAsync();
        }
    }

    private static async Task InitializeUnlockedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PortalDbContext>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyPortal.Database");
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
                logger.LogInformation("Applying {Count} migrations on {Provider}: {Migrations}", pending.Count, db.Database.ProviderName, pending);
            await db.Database.MigrateAsync(ct);
        }, cancellationToken);

        await PolicyPortal.Infrastructure.Catalog.CatalogStore.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), cancellationToken);
        await Scheduling.ReviewRules.SeedCalendarAsync(db, sp.GetRequiredService<IOptions<Scheduling.ReviewOptions>>().Value, cancellationToken);

        await Identity.PortalRoles.SeedAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());

        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var accounts = sp.GetRequiredService<IOptions<AccountOptions>>().Value;
        if (accounts.SeedDemoAccounts ?? !database.IsPostgres)
        {
            await DemoAccounts.SeedAsync(sp.GetRequiredService<UserManager<PortalUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(), sp.GetRequiredService<TimeProvider>(), logger);
            await DemoData.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), cancellationToken);
        }
    }
}
