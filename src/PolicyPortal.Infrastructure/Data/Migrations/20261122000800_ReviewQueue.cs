using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>What the review queue filters and sorts on: the frozen total and the review deadline.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000800_ReviewQueue")]
public sealed class ReviewQueueColumns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("FrozenTotalFen", "Applications", nullable: true);
        migrationBuilder.AddColumn<int>("ReviewDueDay", "Applications", nullable: true);
        migrationBuilder.CreateIndex("IX_Applications_District_FrozenTotalFen_Id", "Applications", new[] { "District", "FrozenTotalFen", "Id" });
        migrationBuilder.CreateIndex("IX_Applications_District_ReviewDueDay", "Applications", new[] { "District", "ReviewDueDay" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Applications_District_ReviewDueDay", "Applications");
        migrationBuilder.DropIndex("IX_Applications_District_FrozenTotalFen_Id", "Applications");
        migrationBuilder.DropColumn("ReviewDueDay", "Applications");
        migrationBuilder.DropColumn("FrozenTotalFen", "Applications");
    }
}
