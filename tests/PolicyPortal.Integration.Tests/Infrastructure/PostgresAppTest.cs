namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>
/// A test class whose every test gets its own PostgreSQL database and the web app in-process on it (xunit makes a new
/// instance, so a new database, per test). The scheduler is off unless the class's Settings turn it on.
/// </summary>
public abstract class PostgresAppTest(string name) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected PortalFactory Factory { get; private set; } = null!;

    /// <summary>Settings beyond the defaults, for the class to override.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider.Postgres, name);
        var settings = new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" };
        foreach (var (key, value) in Settings) settings[key] = value;
        Factory = new PortalFactory(Database, settings);
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
