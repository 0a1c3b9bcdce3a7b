using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>Data Protection's key ring, shared by every instance on the database (DataProtection/DatabaseXmlRepository).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122002000_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
            Xml = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DataProtectionKeys");
}
