using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Subscriptions to a district or a clause, and the mark that a window's opening was announced.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000600_Subscriptions")]
public sealed class Subscriptions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>("OpeningAnnouncedAt", "PolicyWindows", nullable: true);
        migrationBuilder.CreateTable("Subscriptions", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            UserId = t.Column<string>(maxLength: 450, nullable: false),
            District = t.Column<string>(maxLength: 32, nullable: false),
            Clause = t.Column<string>(maxLength: 64, nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Subscriptions", x => x.Id));
        migrationBuilder.CreateIndex("IX_Subscriptions_UserId_District_Clause", "Subscriptions", new[] { "UserId", "District", "Clause" }, unique: true);
        migrationBuilder.CreateIndex("IX_Subscriptions_District_Clause", "Subscriptions", new[] { "District", "Clause" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Subscriptions");
        migrationBuilder.DropColumn("OpeningAnnouncedAt", "PolicyWindows");
    }
}
