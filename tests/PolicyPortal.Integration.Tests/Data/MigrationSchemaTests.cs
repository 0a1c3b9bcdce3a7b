using Microsoft.EntityFrameworkCore;
using PolicyPortal.Integration.Tests.Infrastructure;

namespace PolicyPortal.Integration.Tests.Data;

/// <summary>
/// The hand-written migrations must build exactly the model: on each provider, a database migrated from empty is
/// compared, table by table, column by column, key by key and index by index, with one created from the model.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrated_schema_equals_the_schema_created_from_the_model(Provider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, "migrated");
        await using var fromModel = await TestDatabase.CreateAsync(provider, "model");

        await using (var db = migrated.CreateContext())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        await using (var db = fromModel.CreateContext())
            Assert.True(await db.Database.EnsureCreatedAsync());

        List<string> expected, actual;
        await using (var db = fromModel.CreateContext()) expected = await SchemaReader.ReadAsync(db.Database.GetDbConnection(), provider);
        await using (var db = migrated.CreateContext()) actual = await SchemaReader.ReadAsync(db.Database.GetDbConnection(), provider);

        Assert.NotEmpty(expected);
        // The audit log's append-only triggers exist only in the migrations (a model has no triggers); the test below proves they work.
        var triggers = actual.Where(l => l.Contains("trigger audit_entries_", StringComparison.Ordinal)).ToList();
        if (provider == Provider.Sqlite) Assert.Equal(2, triggers.Count);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).Except(triggers).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Migrations differ from the model on {provider}.\nIn the model but not migrated:\n{SchemaReader.Describe(missing)}\nMigrated but not in the model:\n{SchemaReader.Describe(extra)}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_audit_log_refuses_updates_and_deletes_in_the_database(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "appendonly");
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        db.AuditEntries.Add(new PolicyPortal.Infrastructure.Audit.AuditEntry { At = DateTimeOffset.UtcNow, Actor = "admin", Entity = "Test", EntityId = "1", Action = "Create" });
        await db.SaveChangesAsync();

        var update = await Record.ExceptionAsync(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else")));
        var delete = await Record.ExceptionAsync(() => db.AuditEntries.ExecuteDeleteAsync());
        Assert.Contains("append-only", update?.Message ?? "", StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message ?? "", StringComparison.Ordinal);
        if (provider == Provider.Postgres)
        {
            var truncate = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\""));
            Assert.Contains("append-only", truncate?.Message ?? "", StringComparison.Ordinal);
        }
        await using var check = database.CreateContext();
        Assert.Equal("admin", (await check.AuditEntries.SingleAsync()).Actor);
    }

    [Fact]
    public async Task Postgres_migrations_create_the_quartz_store_with_its_lock_rows()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres, "quartz");
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz_%'").ToListAsync();
        Assert.Equal(15, tables.Count); // Quartz 4.7.3's store
        var locks = await db.Database.SqlQueryRaw<string>("SELECT lock_name AS \"Value\" FROM qrtz_locks WHERE sched_name = 'PolicyPortal' ORDER BY lock_name").ToListAsync();
        Assert.Equal(["STATE_ACCESS", "TRIGGER_ACCESS"], locks);
    }

    [Fact]
    public async Task Sqlite_migrations_leave_out_the_quartz_store()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite, "noquartz");
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var count = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name LIKE 'qrtz_%'").SingleAsync();
        Assert.Equal(0, count);
    }
}
