using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyPortal.Infrastructure.Data.Migrations;

/// <summary>
/// The append-only audit log (replacing the application timeline table, whose rows it takes over), the quota charges
/// that let an approval be voided exactly, per-policy review settings (time limit, two-stage review), the
/// administrators' holiday calendar, and who completed an application's first review stage.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001100_ReviewStagesAndAudit")]
public sealed class ReviewStagesAndAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("AuditEntries", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            At = t.Column<DateTimeOffset>(nullable: false),
            ActorId = t.Column<string>(maxLength: 450, nullable: true),
            Actor = t.Column<string>(maxLength: 256, nullable: false),
            Ip = t.Column<string>(maxLength: 64, nullable: true),
            District = t.Column<string>(maxLength: 32, nullable: true),
            Entity = t.Column<string>(maxLength: 32, nullable: false),
            EntityId = t.Column<string>(maxLength: 128, nullable: false),
            ApplicationId = t.Column<long>(nullable: true),
            Action = t.Column<string>(maxLength: 64, nullable: false),
            Before = t.Column<string>(maxLength: 8000, nullable: true),
            After = t.Column<string>(maxLength: 8000, nullable: true),
            Note = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_ApplicationId_Id", "AuditEntries", ["ApplicationId", "Id"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_Entity_EntityId_Id", "AuditEntries", ["Entity", "EntityId", "Id"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_District_Id", "AuditEntries", ["District", "Id"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_Actor_Id", "AuditEntries", ["Actor", "Id"]);

        // The timeline so far becomes the first audit entries, in order, status changes as before/after.
        migrationBuilder.Sql("""
            INSERT INTO "AuditEntries" ("At", "Actor", "District", "Entity", "EntityId", "ApplicationId", "Action", "Before", "After", "Note")
            SELECT e."At", e."Actor", a."District", 'Application', CAST(e."ApplicationId" AS TEXT), e."ApplicationId", e."Action",
                   CASE WHEN e."FromStatus" IS NULL THEN NULL ELSE '{"status":"' || e."FromStatus" || '"}' END,
                   CASE WHEN e."ToStatus" IS NULL THEN NULL ELSE '{"status":"' || e."ToStatus" || '"}' END,
                   e."Note"
            FROM "ApplicationEvents" e JOIN "Applications" a ON a."Id" = e."ApplicationId"
            ORDER BY e."Id"
            """);
        migrationBuilder.DropTable("ApplicationEvents");

        // Append-only, enforced by the database: no UPDATE, DELETE (or TRUNCATE) through any account the portal uses.
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEntries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql("""CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: UPDATE refused'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: DELETE refused'); END;""");
        }

        migrationBuilder.CreateTable("QuotaCharges", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ClaimId = t.Column<long>(nullable: false),
            Key = t.Column<string>(maxLength: 200, nullable: false),
            AmountFen = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuotaCharges", x => x.Id);
            t.ForeignKey("FK_QuotaCharges_Claims_ClaimId", x => x.ClaimId, "Claims", "Id", onDelete: ReferentialAction.Restrict);
        });
        migrationBuilder.CreateIndex("IX_QuotaCharges_ClaimId", "QuotaCharges", "ClaimId");

        migrationBuilder.CreateTable("PolicySettings", t => new
        {
            District = t.Column<string>(maxLength: 32, nullable: false),
            ReviewWorkingDays = t.Column<int>(nullable: false),
            TwoStageReview = t.Column<bool>(nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(nullable: false),
            UpdatedBy = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PolicySettings", x => x.District));

        migrationBuilder.CreateTable("CalendarDays", t => new
        {
            Day = t.Column<int>(nullable: false),
            IsWorkingDay = t.Column<bool>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CalendarDays", x => x.Day));

        migrationBuilder.AddColumn<string>("FirstStageBy", "Applications", maxLength: 450, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The audit log is append-only; this migration is not reversed.");
}
