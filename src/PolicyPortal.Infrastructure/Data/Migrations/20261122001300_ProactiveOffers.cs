using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>免申即享 offers: one per enterprise, clause part and year.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001300_ProactiveOffers")]
public sealed class ProactiveOffers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("ProactiveOffers", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            District = t.Column<string>(maxLength: 32, nullable: false),
            Year = t.Column<int>(nullable: false),
            EnterpriseId = t.Column<long>(nullable: false),
            Clause = t.Column<string>(maxLength: 64, nullable: false),
            EstimateFen = t.Column<long>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            AnsweredAt = t.Column<DateTimeOffset>(nullable: true),
            ApplicationId = t.Column<long>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProactiveOffers", x => x.Id);
            t.ForeignKey("FK_ProactiveOffers_Enterprises_EnterpriseId", x => x.EnterpriseId, "Enterprises", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateIndex("IX_ProactiveOffers_EnterpriseId_Clause_Year", "ProactiveOffers", ["EnterpriseId", "Clause", "Year"], unique: true);
        migrationBuilder.CreateIndex("IX_ProactiveOffers_District_Clause_Year", "ProactiveOffers", ["District", "Clause", "Year"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ProactiveOffers");
}
