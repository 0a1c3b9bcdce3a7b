using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Quota rows: what has been approved under each ceiling, never above it (CHECK backstop).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000900_Quotas")]
public sealed class Quotas : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Quotas", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            Key = t.Column<string>(maxLength: 200, nullable: false),
            CapFen = t.Column<long>(nullable: false),
            UsedFen = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Quotas", x => x.Id);
            t.CheckConstraint("CK_Quotas_UsedWithinCap", "\"UsedFen\" <= \"CapFen\" AND \"UsedFen\" >= 0");
        });
        migrationBuilder.CreateIndex("IX_Quotas_Key", "Quotas", "Key", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Quotas");
}
