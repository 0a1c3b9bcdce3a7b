using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PolicyPortal.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolicyPortal.Integration.Tests.Faults;

/// <summary>
/// The database goes away under a running portal (a relay in front of PostgreSQL is cut: open connections dropped, new
/// ones refused): pages answer 503 with Retry-After and a Chinese "服务暂时不可用" page, the API answers 503 problem
/// details, /healthz reports unhealthy; when the database is back the same process serves normally again.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TcpRelay _relay = null!;
    private PortalFactory _factory = null!;
    private readonly LogCapture _logs = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider.Postgres, "outage");
        var direct = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _relay = new TcpRelay(direct.Host!, direct.Port);
        _relay.Start();
        var relayed = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _relay.Port, Timeout = 5 }.ConnectionString;
        _factory = new PortalFactory(_database, new Dictionary<string, string?> { ["ConnectionStrings:PolicyPortal"] = relayed });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _relay.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task While_the_database_is_down_pages_and_the_api_answer_503_and_the_portal_recovers_by_itself()
    {
        using var client = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(_logs)))
            .CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var healthy = await client.GetAsync(new Uri("/healthz", UriKind.Relative))) Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        _relay.Cut();
        var clock = Stopwatch.StartNew();
        using (var page = await client.GetAsync(new Uri("/notices", UriKind.Relative)))
        {
            output.WriteLine($"page during the outage: {(int)page.StatusCode} after {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), page.Headers.RetryAfter?.Delta);
            Assert.StartsWith("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("服务暂时不可用", html, StringComparison.Ordinal);
            Assert.Contains("temporarily unavailable", html, StringComparison.Ordinal);
        }
        using (var api = await client.GetAsync(new Uri("/api/v1/clauses?district=shijingshan", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.NotNull(api.Headers.RetryAfter);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Contains("服务暂时不可用", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative))) Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.DoesNotContain(_logs.Errors(), e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Category.EndsWith("DatabaseUnavailable", StringComparison.Ordinal));

        _relay.Start();
        clock.Restart();
        var status = HttpStatusCode.ServiceUnavailable;
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            status = health.StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(200);
        }
        output.WriteLine($"healthy again {clock.Elapsed.TotalSeconds:0.0} s after the database returned");
        Assert.Equal(HttpStatusCode.OK, status);
        using (var page = await client.GetAsync(new Uri("/notices", UriKind.Relative))) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using (var api = await client.GetAsync(new Uri("/api/v1/clauses?district=shijingshan", UriKind.Relative))) Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public void Only_failures_to_reach_the_database_count_as_an_outage()
    {
        Assert.True(PolicyPortal.Web.Hosting.DatabaseUnavailable.IsUnavailable(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        Assert.True(PolicyPortal.Web.Hosting.DatabaseUnavailable.IsUnavailable(
            new Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException("retries", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException()))));
        Assert.True(PolicyPortal.Web.Hosting.DatabaseUnavailable.IsUnavailable(new InvalidOperationException("wrapped", new TimeoutException())));
        Assert.False(PolicyPortal.Web.Hosting.DatabaseUnavailable.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(PolicyPortal.Web.Hosting.DatabaseUnavailable.IsUnavailable(new Microsoft.EntityFrameworkCore.DbUpdateException("unique violation")));
    }
}
