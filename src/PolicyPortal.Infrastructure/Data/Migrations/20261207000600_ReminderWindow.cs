using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Per-policy reminder window: how many working days before the review deadline the reviewers are reminded (3 as before).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207000600_ReminderWindow")]
public sealed class ReminderWindow : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>("ReminderWorkingDays", "PolicySettings", nullable: false, defaultValue: 3);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("ReminderWorkingDays", "PolicySettings");
}
