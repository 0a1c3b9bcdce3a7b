using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>The application's contact person and phone (申报联系人), filled in from the enterprise file.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000700_ApplicationContact")]
public sealed class ApplicationContact : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ContactName", "Applications", maxLength: 100, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>("ContactPhone", "Applications", maxLength: 32, nullable: false, defaultValue: "");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("ContactPhone", "Applications");
        migrationBuilder.DropColumn("ContactName", "Applications");
    }
}
