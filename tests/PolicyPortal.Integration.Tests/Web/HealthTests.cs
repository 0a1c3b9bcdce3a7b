using System.Net;
using System.Text.Json;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Web;

/// <summary>/healthz reports the database and a scheduler whose heartbeat job has really run, on each provider.</summary>
public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Healthz_reports_database_and_a_running_scheduler_with_a_heartbeat(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "health");
        await using var factory = new PortalFactory(database);
        using var client = factory.CreateClient();

        JsonElement report = default;
        var deadline = DateTime.UtcNow.AddSeconds(45);
        string lastHeartbeat = "never";
        var status = HttpStatusCode.ServiceUnavailable;
        while (DateTime.UtcNow < deadline)
        {
            // Until Quartz has started the report is 503 (scheduler not running): keep asking.
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            status = response.StatusCode;
            var data = report.GetProperty("checks").GetProperty("scheduler").GetProperty("data");
            lastHeartbeat = data.TryGetProperty("lastHeartbeat", out var beat) ? beat.GetString()! : "never";
            if (status == HttpStatusCode.OK && lastHeartbeat != "never") break;
            await Task.Delay(500);
        }

        var raw = report.GetRawText();
        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.True(lastHeartbeat != "never", raw);
        Assert.True(report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString() == "Healthy", raw);
        var scheduler = report.GetProperty("checks").GetProperty("scheduler");
        Assert.True(scheduler.GetProperty("status").GetString() == "Healthy", raw);
        Assert.True((provider == Provider.Postgres) == scheduler.GetProperty("data").GetProperty("clustered").GetBoolean(), raw);
        Assert.True(report.GetProperty("status").GetString() == "Healthy", raw);
    }
}
