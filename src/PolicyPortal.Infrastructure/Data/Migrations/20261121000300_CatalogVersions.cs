using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Versions of each district's catalog, stored as JSON in the catalog format (docs/catalog-format.md).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121000300_CatalogVersions")]
public sealed class CatalogVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CatalogVersions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("Sqlite:Autoincrement", true),
                District = table.Column<string>(maxLength: 32, nullable: false),
                Version = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Json = table.Column<string>(nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CatalogVersions", x => x.Id));
        migrationBuilder.CreateIndex("IX_CatalogVersions_District_Version", "CatalogVersions", new[] { "District", "Version" }, unique: true);
        migrationBuilder.CreateIndex("IX_CatalogVersions_District_Status", "CatalogVersions", new[] { "District", "Status" });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("CatalogVersions");
}
