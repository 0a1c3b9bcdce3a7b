using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>The web app in-process on a given database, with demo accounts and a fast heartbeat.</summary>
public sealed class PortalFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? extra = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting is seen by Program's builder before Build(): the provider is chosen from it.
        foreach (var (key, value) in Database.AppSettings()) builder.UseSetting(key, value);
        builder.UseSetting("Accounts:SeedDemoAccounts", "true");
        builder.UseSetting("Scheduler:HeartbeatSeconds", "1");
        // Tests sign in, register and upload far faster than people; the rate-limit tests set real limits in their settings.
        foreach (var limit in RelaxedRateLimits) builder.UseSetting(limit, "100000");
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }

    public static readonly string[] RelaxedRateLimits =
        ["RateLimits:SignInPerWindow", "RateLimits:RegistrationPerWindow", "RateLimits:UploadsPerWindowPerAddress", "RateLimits:UploadsPerWindowPerUser"];

    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
