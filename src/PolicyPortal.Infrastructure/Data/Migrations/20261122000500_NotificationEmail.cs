using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Notifications carry their e-mail copy's address and when it went out (an outbox the mail job drains).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000500_NotificationEmail")]
public sealed class NotificationEmail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>("EmailedAt", "Notifications", nullable: true);
        migrationBuilder.AddColumn<string>("EmailTo", "Notifications", maxLength: 256, nullable: true);
        migrationBuilder.CreateIndex("IX_Notifications_EmailedAt_Id", "Notifications", new[] { "EmailedAt", "Id" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Notifications_EmailedAt_Id", "Notifications");
        migrationBuilder.DropColumn("EmailTo", "Notifications");
        migrationBuilder.DropColumn("EmailedAt", "Notifications");
    }
}
