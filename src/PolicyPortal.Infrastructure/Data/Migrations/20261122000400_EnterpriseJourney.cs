using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>
/// The enterprise journey: enterprise files with qualifications and declared awards, application windows, applications
/// with projects, claims (money as whole fen) and evidence, the timeline and the inbox.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000400_EnterpriseJourney")]
public sealed class EnterpriseJourney : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Enterprises", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            CreditCode = t.Column<string>(maxLength: 18, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            District = t.Column<string>(maxLength: 32, nullable: false),
            ContactName = t.Column<string>(maxLength: 100, nullable: false),
            ContactPhone = t.Column<string>(maxLength: 32, nullable: false),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            OwnerUserId = t.Column<string>(maxLength: 450, nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Enterprises", x => x.Id));

        migrationBuilder.CreateTable("Notifications", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            UserId = t.Column<string>(maxLength: 450, nullable: false),
            At = t.Column<DateTimeOffset>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Body = t.Column<string>(maxLength: 2000, nullable: false),
            Link = t.Column<string>(maxLength: 500, nullable: true),
            ReadAt = t.Column<DateTimeOffset>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Notifications", x => x.Id));

        migrationBuilder.CreateTable("PolicyWindows", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            District = t.Column<string>(maxLength: 32, nullable: false),
            Year = t.Column<int>(nullable: false),
            Opens = t.Column<DateOnly>(nullable: false),
            Closes = t.Column<DateOnly>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PolicyWindows", x => x.Id));

        migrationBuilder.CreateTable("Applications", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            EnterpriseId = t.Column<long>(nullable: false),
            District = t.Column<string>(maxLength: 32, nullable: false),
            Year = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            CatalogVersion = t.Column<int>(nullable: true),
            TrackingNumber = t.Column<string>(maxLength: 32, nullable: true),
            SubmissionKey = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(nullable: false),
            SubmittedAt = t.Column<DateTimeOffset>(nullable: true),
            SupplementDeadline = t.Column<DateTimeOffset>(nullable: true),
            SupplementRequest = t.Column<string>(maxLength: 4000, nullable: true),
            Version = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Applications", x => x.Id);
            t.ForeignKey("FK_Applications_Enterprises_EnterpriseId", x => x.EnterpriseId, "Enterprises", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("EnterpriseQualifications", t => new
        {
            EnterpriseId = t.Column<long>(nullable: false),
            Key = t.Column<string>(maxLength: 64, nullable: false),
            Since = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EnterpriseQualifications", x => new { x.EnterpriseId, x.Key });
            t.ForeignKey("FK_EnterpriseQualifications_Enterprises_EnterpriseId", x => x.EnterpriseId, "Enterprises", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("ExternalAwards", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            EnterpriseId = t.Column<long>(nullable: false),
            Clause = t.Column<string>(maxLength: 64, nullable: false),
            Tier = t.Column<string>(maxLength: 64, nullable: true),
            Project = t.Column<string>(maxLength: 200, nullable: false),
            Year = t.Column<int>(nullable: false),
            GrantedFen = t.Column<long>(nullable: false),
            Note = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ExternalAwards", x => x.Id);
            t.ForeignKey("FK_ExternalAwards_Enterprises_EnterpriseId", x => x.EnterpriseId, "Enterprises", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("ApplicationEvents", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ApplicationId = t.Column<long>(nullable: false),
            At = t.Column<DateTimeOffset>(nullable: false),
            Actor = t.Column<string>(maxLength: 256, nullable: false),
            Action = t.Column<string>(maxLength: 64, nullable: false),
            FromStatus = t.Column<string>(maxLength: 32, nullable: true),
            ToStatus = t.Column<string>(maxLength: 32, nullable: true),
            Note = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApplicationEvents", x => x.Id);
            t.ForeignKey("FK_ApplicationEvents_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("Projects", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ApplicationId = t.Column<long>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Projects", x => x.Id);
            t.ForeignKey("FK_Projects_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Claims", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ProjectId = t.Column<long>(nullable: false),
            Clause = t.Column<string>(maxLength: 64, nullable: false),
            Tier = t.Column<string>(maxLength: 64, nullable: true),
            AmountFen = t.Column<long>(nullable: true),
            RequestedFen = t.Column<long>(nullable: true),
            InputsJson = t.Column<string>(maxLength: 4000, nullable: false),
            AttestationsJson = t.Column<string>(maxLength: 8000, nullable: false),
            FrozenEligibleFen = t.Column<long>(nullable: true),
            FrozenGrantedFen = t.Column<long>(nullable: true),
            FrozenExplanationJson = t.Column<string>(nullable: true),
            Decision = t.Column<string>(maxLength: 16, nullable: true),
            ApprovedFen = t.Column<long>(nullable: true),
            DecisionReason = t.Column<string>(maxLength: 2000, nullable: true),
            Version = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Claims", x => x.Id);
            t.ForeignKey("FK_Claims_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Evidence", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ClaimId = t.Column<long>(nullable: false),
            FileName = t.Column<string>(maxLength: 255, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            StorageKey = t.Column<string>(maxLength: 200, nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            UploadedAt = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Evidence", x => x.Id);
            t.ForeignKey("FK_Evidence_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateIndex("IX_ApplicationEvents_ApplicationId_Id", "ApplicationEvents", new[] { "ApplicationId", "Id" });
        migrationBuilder.CreateIndex("IX_Applications_District_Status_Id", "Applications", new[] { "District", "Status", "Id" });
        migrationBuilder.CreateIndex("IX_Applications_EnterpriseId_District_Year", "Applications", new[] { "EnterpriseId", "District", "Year" });
        migrationBuilder.CreateIndex("IX_Applications_SubmissionKey", "Applications", "SubmissionKey", unique: true);
        migrationBuilder.CreateIndex("IX_Applications_TrackingNumber", "Applications", "TrackingNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Claims_Clause", "Claims", "Clause");
        migrationBuilder.CreateIndex("IX_Claims_ProjectId", "Claims", "ProjectId");
        migrationBuilder.CreateIndex("IX_Enterprises_CreditCode", "Enterprises", "CreditCode", unique: true);
        migrationBuilder.CreateIndex("IX_Enterprises_District_Name", "Enterprises", new[] { "District", "Name" });
        migrationBuilder.CreateIndex("IX_Enterprises_OwnerUserId", "Enterprises", "OwnerUserId", unique: true);
        migrationBuilder.CreateIndex("IX_Evidence_ClaimId", "Evidence", "ClaimId");
        migrationBuilder.CreateIndex("IX_Evidence_StorageKey", "Evidence", "StorageKey", unique: true);
        migrationBuilder.CreateIndex("IX_ExternalAwards_EnterpriseId", "ExternalAwards", "EnterpriseId");
        migrationBuilder.CreateIndex("IX_Notifications_UserId_Id", "Notifications", new[] { "UserId", "Id" });
        migrationBuilder.CreateIndex("IX_PolicyWindows_District_Year", "PolicyWindows", new[] { "District", "Year" }, unique: true);
        migrationBuilder.CreateIndex("IX_Projects_ApplicationId", "Projects", "ApplicationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Evidence", "Claims", "Projects", "ApplicationEvents", "ExternalAwards", "EnterpriseQualifications", "Applications", "PolicyWindows", "Notifications", "Enterprises" })
            migrationBuilder.DropTable(table);
    }
}
