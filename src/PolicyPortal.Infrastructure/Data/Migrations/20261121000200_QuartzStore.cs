using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Quartz's clustered ADO.NET job store, on PostgreSQL only (the embedded default uses Quartz's in-memory store).
/// The table shapes are Quartz.NET's own PostgreSQL schema. The lock rows are seeded so that the first two instances
/// of a cluster never race to insert them.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121000200_QuartzStore")]
public sealed class QuartzStore : Migration
{
    public const string SchedulerName = "PolicyPortal";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql(QuartzPostgresSchema.CreateTables);
        migrationBuilder.Sql($"INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('{SchedulerName}', 'TRIGGER_ACCESS'), ('{SchedulerName}', 'STATE_ACCESS') ON CONFLICT DO NOTHING;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql(QuartzPostgresSchema.DropTables);
    }
}
