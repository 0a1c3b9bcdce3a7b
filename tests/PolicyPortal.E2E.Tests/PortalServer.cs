using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace PolicyPortal.E2E.Tests;

/// <summary>
/// The portal as a user meets it: the embedded default (SQLite in a fresh data folder, in-memory scheduler, demo accounts)
/// served by Kestrel on a free port, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"pp-e2e-{Guid.NewGuid():N}");
    private Factory? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;
    /// <summary>The portal's services: for what a user would read outside the browser (an e-mail in the outbox), or data the UI has no quick way to make.</summary>
    public IServiceProvider Services => _factory!.Services;
    public IBrowser Browser { get; private set; } = null!;

    public const string ChromiumPath = "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {ChromiumPath}: install it (apt-get install -y chromium). They do not skip without it.");
        _factory = new Factory(_dataFolder);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    /// <summary>docs/screenshots of the repository, found from the test's output folder.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyPortal.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private sealed class Factory(string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataFolder", dataFolder);
            // One browser signs in as many people in a few seconds; the integration tests prove the limits.
            builder.UseSetting("RateLimits:SignInPerWindow", "100000");
            builder.UseSetting("RateLimits:RegistrationPerWindow", "100000");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalFixtureGroup : ICollectionFixture<PortalServer>
{
    public const string Name = "portal";
}
