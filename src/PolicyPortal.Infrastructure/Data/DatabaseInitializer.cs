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
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
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

        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var accounts = sp.GetRequiredService<IOptions<AccountOptions>>().Value;
        if (accounts.SeedDemoAccounts ?? !database.IsPostgres)
        {
            await DemoAccounts.SeedAsync(sp.GetRequiredService<UserManager<PortalUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(), sp.GetRequiredService<TimeProvider>(), logger);
            await DemoData.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), cancellationToken);
        }
    }
}
