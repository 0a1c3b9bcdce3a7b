using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Integration.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>An empty database on one provider, removed when disposed. Data-layer tests run once per provider (theory rows).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(Provider provider, string connectionString, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqliteFolder = sqliteFolder;
    }

    public Provider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>The data folder on SQLite (the embedded default keeps its file there).</summary>
    public string? SqliteFolder { get; }

    public static TheoryData<Provider> Providers => new() { Provider.Sqlite, Provider.Postgres };

    public static async Task<TestDatabase> CreateAsync(Provider provider, string name)
    {
        if (provider == Provider.Postgres)
            return new TestDatabase(provider, await PostgresServer.CreateDatabaseAsync(name), null);
        var folder = Path.Combine(Path.GetTempPath(), $"pp-sqlite-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "policyportal.db")};Pooling=False", folder);
    }

    public PortalDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        InfrastructureSetup.ConfigureProvider(options, Provider == Provider.Postgres, ConnectionString);
        return new PortalDbContext(options.Options);
    }

    /// <summary>The settings that point the web app at this database.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings() => Provider == Provider.Postgres
        ? new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:PolicyPortal"] = ConnectionString }
        : new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataFolder"] = SqliteFolder };

    public async ValueTask DisposeAsync()
    {
        if (Provider == Provider.Postgres)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }
        else if (SqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(SqliteFolder, recursive: true); } catch (IOException) { }
        }
    }
}
