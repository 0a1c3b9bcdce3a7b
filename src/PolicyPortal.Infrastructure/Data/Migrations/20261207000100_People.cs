using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>
/// People management: an account can be disabled (staff) or locked (enterprise) by an administrator, and the audit viewer
/// filters by time. The audit table keeps its append-only triggers: an index is added, no row is touched.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207000100_People")]
public sealed class People : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>("DisabledAt", "AspNetUsers", nullable: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_At_Id", "AuditEntries", ["At", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_AuditEntries_At_Id", "AuditEntries");
        migrationBuilder.DropColumn("DisabledAt", "AspNetUsers");
    }
}
