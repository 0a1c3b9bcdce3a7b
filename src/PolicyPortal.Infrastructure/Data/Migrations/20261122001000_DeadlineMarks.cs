using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Marks that let the deadline job remind and escalate exactly once.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001000_DeadlineMarks")]
public sealed class DeadlineMarks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>("ReminderSentAt", "Applications", nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("EscalatedAt", "Applications", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("EscalatedAt", "Applications");
        migrationBuilder.DropColumn("ReminderSentAt", "Applications");
    }
}
