using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>
/// Publication and payment: the frozen 公示名单 (a notice per district, year and 期, with its lines copied at publication)
/// and payments (拨付) of the awards on them, at most one per claim.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122003000_Notices")]
public sealed class Notices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Notices", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            District = t.Column<string>(maxLength: 32, nullable: false),
            Year = t.Column<int>(nullable: false),
            Sequence = t.Column<int>(nullable: false),
            PublishedAt = t.Column<DateTimeOffset>(nullable: false),
            PublishedBy = t.Column<string>(maxLength: 256, nullable: false),
            StartsDay = t.Column<int>(nullable: false),
            EndsDay = t.Column<int>(nullable: false),
            PeriodDays = t.Column<int>(nullable: false),
            LineCount = t.Column<int>(nullable: false),
            TotalFen = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Notices", x => x.Id));
        migrationBuilder.CreateIndex("IX_Notices_District_Year_Sequence", "Notices", ["District", "Year", "Sequence"], unique: true);

        migrationBuilder.CreateTable("NoticeLines", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            NoticeId = t.Column<long>(nullable: false),
            Position = t.Column<int>(nullable: false),
            ClaimId = t.Column<long>(nullable: false),
            ApplicationId = t.Column<long>(nullable: false),
            TrackingNumber = t.Column<string>(maxLength: 32, nullable: true),
            EnterpriseName = t.Column<string>(maxLength: 200, nullable: false),
            CreditCode = t.Column<string>(maxLength: 18, nullable: false),
            Project = t.Column<string>(maxLength: 200, nullable: false),
            Clause = t.Column<string>(maxLength: 64, nullable: false),
            ClauseTitle = t.Column<string>(maxLength: 500, nullable: false),
            AmountFen = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_NoticeLines", x => x.Id);
            t.ForeignKey("FK_NoticeLines_Notices_NoticeId", x => x.NoticeId, "Notices", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_NoticeLines_NoticeId_Position", "NoticeLines", ["NoticeId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_NoticeLines_ClaimId", "NoticeLines", "ClaimId");

        migrationBuilder.CreateTable("Payments", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ClaimId = t.Column<long>(nullable: false),
            NoticeId = t.Column<long>(nullable: false),
            District = t.Column<string>(maxLength: 32, nullable: false),
            AmountFen = t.Column<long>(nullable: false),
            PaidOn = t.Column<DateOnly>(nullable: false),
            Reference = t.Column<string>(maxLength: 64, nullable: false),
            RecordedAt = t.Column<DateTimeOffset>(nullable: false),
            RecordedBy = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Payments", x => x.Id);
            t.ForeignKey("FK_Payments_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Payments_Notices_NoticeId", x => x.NoticeId, "Notices", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateIndex("IX_Payments_ClaimId", "Payments", "ClaimId", unique: true);
        migrationBuilder.CreateIndex("IX_Payments_NoticeId", "Payments", "NoticeId");
        migrationBuilder.CreateIndex("IX_Payments_District_Id", "Payments", ["District", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Payments");
        migrationBuilder.DropTable("NoticeLines");
        migrationBuilder.DropTable("Notices");
    }
}
