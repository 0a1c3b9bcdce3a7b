using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Maker-checker for catalog versions: who proposed and who decided, the version edited from, and the effective day.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001200_CatalogApproval")]
public sealed class CatalogApproval : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("CreatedById", "CatalogVersions", maxLength: 450, nullable: true);
        migrationBuilder.AddColumn<int>("BasedOn", "CatalogVersions", nullable: true);
        migrationBuilder.AddColumn<int>("EffectiveDay", "CatalogVersions", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("DecidedBy", "CatalogVersions", maxLength: 256, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("DecidedAt", "CatalogVersions", nullable: true);
        migrationBuilder.AddColumn<string>("DecisionNote", "CatalogVersions", maxLength: 1000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "DecisionNote", "DecidedAt", "DecidedBy", "EffectiveDay", "BasedOn", "CreatedById" })
            migrationBuilder.DropColumn(column, "CatalogVersions");
    }
}
