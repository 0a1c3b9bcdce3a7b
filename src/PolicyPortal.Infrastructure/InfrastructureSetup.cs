using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.DataProtection;
using PolicyPortal.Infrastructure.Health;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Infrastructure.Scheduling;

namespace PolicyPortal.Infrastructure;

/// <summary>Everything Infrastructure offers the host, in one call from Program.cs.</summary>
public static class InfrastructureSetup
{
    public const string ConnectionStringName = "PolicyPortal";

    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (database.IsPostgres && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:PolicyPortal (e.g. Host=localhost;Database=policyportal;Username=...;Password=...).");
        connectionString = database.IsPostgres
            ? PostgresConnectionString(connectionString!)
            : SqliteConnectionString(builder.Environment.ContentRootPath, database);

        builder.Services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        builder.Services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        builder.Services.Configure<SchedulerOptions>(configuration.GetSection(SchedulerOptions.Section));
        builder.Services.Configure<ReviewOptions>(configuration.GetSection(ReviewOptions.Section));
        builder.Services.Configure<Notifications.MailOptions>(configuration.GetSection(Notifications.MailOptions.Section));
        builder.Services.AddScoped<Notifications.Notifier>();
        builder.Services.AddScoped<Audit.AuditLog>();
        builder.Services.AddScoped<Scheduling.ReviewRules>();
        builder.Services.AddSingleton(TimeProvider.System);
        var catalogContext = CatalogContextOptions(database.IsPostgres, connectionString!);
        builder.Services.AddSingleton(sp => new Catalog.CatalogStore(() => new PortalDbContext(catalogContext), sp.GetRequiredService<TimeProvider>()));
        var storage = configuration.GetSection(Storage.StorageOptions.Section).Get<Storage.StorageOptions>() ?? new Storage.StorageOptions();
        if (storage.IsS3)
        {
            builder.Services.AddSingleton<Storage.IEvidenceStore>(_ => Storage.S3EvidenceStore.Create(storage));
        }
        else
        {
            var evidenceFolder = storage.Folder is { Length: > 0 } configured
                ? configured
                : Path.Combine(Path.IsPathRooted(database.DataFolder) ? database.DataFolder : Path.Combine(builder.Environment.ContentRootPath, database.DataFolder), "evidence");
            builder.Services.AddSingleton<Storage.IEvidenceStore>(new Storage.LocalDiskEvidenceStore(evidenceFolder));
        }
        // Pooled: a request rents a reset context instead of building one and its options (the connection string parsed
        // again, the provider configured again) — under load that was a sixth of the review queue page's time.
        builder.Services.AddDbContextPool<PortalDbContext>(options => ConfigureProvider(options, database.IsPostgres, connectionString!));
        builder.Services.AddPortalDataProtection(database.IsPostgres);

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        builder.AddPortalScheduler(database, connectionString);
        return builder;
    }

    /// <summary>The one place a provider is chosen, shared by the host and the tests.</summary>
    public static void ConfigureProvider(DbContextOptionsBuilder options, bool postgres, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (postgres)
            options.UseNpgsql(PostgresConnectionString(connectionString), npgsql => npgsql.EnableRetryOnFailure(3));
        else
            options.UseSqlite(connectionString);
    }

    /// <summary>
    /// The catalog store's own contexts: on PostgreSQL a pool of its own (another application name is another pool), so a
    /// catalog read inside a request's transaction never waits for a connection that transaction's peers hold.
    /// </summary>
    private static DbContextOptions<PortalDbContext> CatalogContextOptions(bool postgres, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        ConfigureProvider(options, postgres, postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "PolicyPortal catalog", MaxPoolSize = 4 }.ConnectionString
            : connectionString);
        return options.Options;
    }

    /// <summary>
    /// How long a PostgreSQL session of the portal may sit idle inside a transaction before the server ends it. A
    /// process that hangs (or a host that vanishes) with a transaction open would otherwise keep its row locks — Quartz's
    /// qrtz_locks rows among them, which would stall the whole cluster. No transaction of the portal waits on its client
    /// for anywhere near this long.
    /// </summary>
    public const string IdleInTransactionSessionTimeout = "60s";

    /// <summary>
    /// The PostgreSQL connection string every part of the portal uses (EF Core and Quartz): the configured one with
    /// <c>Options=-c idle_in_transaction_session_timeout=60s</c> added, unless it already sets that parameter, and with
    /// Npgsql's automatic preparation on (<c>Max Auto Prepare=64</c>) unless it sets its own: a statement used a few times on
    /// a connection is prepared there, so PostgreSQL stops planning it anew at every request (planning the review queue's
    /// query took longer than running it).
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (npgsql.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal) != true)
            npgsql.Options = $"{npgsql.Options} -c idle_in_transaction_session_timeout={IdleInTransactionSessionTimeout}".Trim();
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) npgsql.MaxAutoPrepare = 64;
        return npgsql.ConnectionString;
    }

    private static string SqliteConnectionString(string contentRoot, DatabaseOptions database)
    {
        var folder = Path.IsPathRooted(database.DataFolder) ? database.DataFolder : Path.Combine(contentRoot, database.DataFolder);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "policyportal.db")};Cache=Shared";
    }

    /// <summary>Identity's rules from the "Accounts" section: password, lockout, Chinese messages.</summary>
    public static IdentityBuilder AddPortalIdentityRules(this IdentityBuilder identity, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var accounts = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        identity.Services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = accounts.PasswordMinLength;
            // Classes are checked by PasswordClassesValidator (N of 4), not one by one.
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
            o.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
            o.Lockout.AllowedForNewUsers = true;
            o.User.RequireUniqueEmail = false;
        });
        return identity
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordClassesValidator>();
    }
}
