using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Integration.Tests.Infrastructure;
using Quartz;

namespace PolicyPortal.Integration.Tests.ScaleOut;

/// <summary>
/// Two portal instances (two in-process hosts) on one PostgreSQL database, started at the same moment as a deployment
/// would start them. A browser behind a load balancer is one cookie jar shared by clients of both.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(TestDatabase database, PortalFactory a, PortalFactory b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public TestDatabase Database { get; }
    public PortalFactory A { get; }
    public PortalFactory B { get; }

    public static async Task<TwoInstances> StartAsync(string name, bool scheduler, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(Provider.Postgres, name);
        var all = new Dictionary<string, string?> { ["Scheduler:Enabled"] = scheduler ? "true" : "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        // The database is created by one instance first (migrations and seeding are not yet safe to run from several
        // instances at once on an empty database: docs/operations.md), with no Data Protection key left behind ...
        await using (var first = new PortalFactory(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" }))
            _ = first.Services;
        await using (var db = database.CreateContext())
            await db.DataProtectionKeys.ExecuteDeleteAsync();
        // ... then both instances start at the same moment, racing for the first key as a deployment's instances would.
        var a = new PortalFactory(database, all);
        var b = new PortalFactory(database, all);
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
        return new TwoInstances(database, a, b);
    }

    /// <summary>Clients of A and of B that share one cookie jar, like one browser whose requests a proxy spreads over both.</summary>
    public (HttpClient OnA, HttpClient OnB) Browser()
    {
        var jar = new CookieContainer();
        return (A.CreateDefaultClient(new CookieContainerHandler(jar)), B.CreateDefaultClient(new CookieContainerHandler(jar)));
    }

    public static async Task<IScheduler> SchedulerOf(PortalFactory factory) =>
        await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync().AsTask(), B.DisposeAsync().AsTask());
        await Database.DisposeAsync();
    }
}
