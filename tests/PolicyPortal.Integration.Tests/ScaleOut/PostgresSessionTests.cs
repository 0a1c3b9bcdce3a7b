using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using PolicyPortal.Infrastructure;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Integration.Tests.Infrastructure;
using Quartz;

namespace PolicyPortal.Integration.Tests.ScaleOut;

/// <summary>
/// The portal's PostgreSQL sessions end themselves when left idle inside a transaction, so a hung instance cannot keep
/// Quartz's lock rows (or any other) and stall the cluster.
/// </summary>
public sealed class PostgresSessionTests() : PostgresAppTest("so_sessions")
{
    [Fact]
    public async Task Portal_sessions_have_an_idle_in_transaction_timeout_and_so_has_quartz()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var show = connection.CreateCommand())
        {
            show.CommandText = "SHOW idle_in_transaction_session_timeout";
            Assert.Equal("1min", await show.ExecuteScalarAsync());
        }

        // Quartz's own connections are opened from the same connection string.
        // Quartz's own connections (its data source, "quartz" by default in Quartz 4) come from the same connection string.
        var quartz = Factory.Services.GetRequiredService<IOptionsMonitor<DataSourceOptions>>().Get("quartz");
        Assert.Contains("idle_in_transaction_session_timeout=60s", new NpgsqlConnectionStringBuilder(quartz.ConnectionString).Options, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_left_idle_holding_a_quartz_lock_is_ended_and_the_lock_freed()
    {
        // A value set in the configured connection string wins; 1 s keeps the test short.
        var configured = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Options = "-c idle_in_transaction_session_timeout=1s" }.ConnectionString;
        var portal = InfrastructureSetup.PostgresConnectionString(configured);
        Assert.Equal("-c idle_in_transaction_session_timeout=1s", new NpgsqlConnectionStringBuilder(portal).Options);
        _ = Factory.Services; // migrated: the Quartz tables and lock rows exist

        await using var hung = new NpgsqlConnection(portal);
        await hung.OpenAsync();
        await using var tx = await hung.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT * FROM qrtz_locks WHERE sched_name = 'PolicyPortal' AND lock_name = 'TRIGGER_ACCESS' FOR UPDATE", hung, tx))
            await take.ExecuteNonQueryAsync();
        // ... and the holder stops talking (a hung process).

        await using var other = new NpgsqlConnection(InfrastructureSetup.PostgresConnectionString(Database.ConnectionString));
        await other.OpenAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await using (var wait = new NpgsqlCommand("SET lock_timeout = '20s'; SELECT lock_name FROM qrtz_locks WHERE sched_name = 'PolicyPortal' AND lock_name = 'TRIGGER_ACCESS' FOR UPDATE", other))
            Assert.Equal("TRIGGER_ACCESS", await wait.ExecuteScalarAsync());
        Assert.InRange(waited.Elapsed.TotalSeconds, 0.5, 15);

        var ended = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var again = new NpgsqlCommand("SELECT 1", hung, tx);
            await again.ExecuteScalarAsync();
        });
        Assert.True(ended is NpgsqlException or InvalidOperationException, ended.ToString());
    }
}
