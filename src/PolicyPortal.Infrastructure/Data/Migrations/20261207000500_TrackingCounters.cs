using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>
/// One counter row per district and year for tracking numbers (rows are created on first use, starting after the numbers
/// already given, so existing data needs no backfill here), and an index on the applications' district and year, which every
/// submission's pool-use query and a district-year recomputation read by.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207000500_TrackingCounters")]
public sealed class TrackingCounters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("TrackingCounters", t => new
        {
            District = t.Column<string>(maxLength: 32, nullable: false),
            Year = t.Column<int>(nullable: false),
            Last = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TrackingCounters", x => new { x.District, x.Year }));
        migrationBuilder.CreateIndex("IX_Applications_District_Year", "Applications", ["District", "Year"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Applications_District_Year", "Applications");
        migrationBuilder.DropTable("TrackingCounters");
    }
}
