using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;

namespace PolicyPortal.Infrastructure.Data;

/// <summary>The enterprise journey's tables: enterprises, windows, applications with projects, claims, evidence, timeline, inbox.</summary>
internal static class JourneyModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Enterprise>(e =>
        {
            e.ToTable("Enterprises");
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.District).HasMaxLength(32);
            e.Property(x => x.ContactName).HasMaxLength(100);
            e.Property(x => x.ContactPhone).HasMaxLength(32);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.OwnerUserId).HasMaxLength(450);
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.HasIndex(x => x.OwnerUserId).IsUnique();
            e.HasIndex(x => new { x.District, x.Name });
            e.HasMany(x => x.Qualifications).WithOne().HasForeignKey(q => q.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.ExternalAwards).WithOne().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EnterpriseQualification>(q =>
        {
            q.ToTable("EnterpriseQualifications");
            q.HasKey(x => new { x.EnterpriseId, x.Key });
            q.Property(x => x.Key).HasMaxLength(64);
        });
        builder.Entity<ExternalAward>(a =>
        {
            a.ToTable("ExternalAwards");
            a.Property(x => x.Clause).HasMaxLength(64);
            a.Property(x => x.Tier).HasMaxLength(64);
            a.Property(x => x.Project).HasMaxLength(200);
            a.Property(x => x.Note).HasMaxLength(1000);
        });
        builder.Entity<PolicyWindow>(w =>
        {
            w.ToTable("PolicyWindows");
            w.Property(x => x.District).HasMaxLength(32);
            w.HasIndex(x => new { x.District, x.Year }).IsUnique();
        });
        builder.Entity<Application>(a =>
        {
            a.ToTable("Applications");
            a.Property(x => x.District).HasMaxLength(32);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            a.Property(x => x.TrackingNumber).HasMaxLength(32);
            a.Property(x => x.FirstStageBy).HasMaxLength(450);
            a.Property(x => x.SupplementRequest).HasMaxLength(4000);
            // Defaults so the rows that existed before these columns get an empty contact, as the migration gives them.
            a.Property(x => x.ContactName).HasMaxLength(100).HasDefaultValue("");
            a.Property(x => x.ContactPhone).HasMaxLength(32).HasDefaultValue("");
            a.Property(x => x.Version).IsConcurrencyToken();
            a.HasIndex(x => x.TrackingNumber).IsUnique();
            a.HasIndex(x => x.SubmissionKey).IsUnique();
            a.HasIndex(x => new { x.EnterpriseId, x.District, x.Year });
            // A district's year as a whole: pool use at every submission, the year's recomputation.
            a.HasIndex(x => new { x.District, x.Year });
            a.HasIndex(x => new { x.District, x.Status, x.Id });
            a.HasIndex(x => new { x.District, x.FrozenTotalFen, x.Id });
            a.HasIndex(x => new { x.District, x.ReviewDueDay });
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            a.HasMany(x => x.Projects).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Project>(p =>
        {
            p.ToTable("Projects");
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Description).HasMaxLength(2000);
            p.HasMany(x => x.Claims).WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Claim>(c =>
        {
            c.ToTable("Claims");
            c.Property(x => x.Clause).HasMaxLength(64);
            c.Property(x => x.Tier).HasMaxLength(64);
            c.Property(x => x.InputsJson).HasMaxLength(4000);
            c.Property(x => x.AttestationsJson).HasMaxLength(8000);
            c.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.DecisionReason).HasMaxLength(2000);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => x.Clause);
            c.HasMany(x => x.Evidence).WithOne().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Evidence>(e =>
        {
            e.ToTable("Evidence");
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.StorageKey).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.StorageKey).IsUnique();
        });
        builder.Entity<Audit.AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(x => x.ActorId).HasMaxLength(450);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Ip).HasMaxLength(64);
            e.Property(x => x.District).HasMaxLength(32);
            e.Property(x => x.Entity).HasMaxLength(32);
            e.Property(x => x.EntityId).HasMaxLength(128);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Before).HasMaxLength(8000);
            e.Property(x => x.After).HasMaxLength(8000);
            e.Property(x => x.Note).HasMaxLength(4000);
            // No foreign key: the log outlives anything it mentions and is never touched by a cascade.
            e.HasIndex(x => new { x.ApplicationId, x.Id });
            e.HasIndex(x => new { x.Entity, x.EntityId, x.Id });
            e.HasIndex(x => new { x.District, x.Id });
            e.HasIndex(x => new { x.Actor, x.Id });
            // The audit viewer's time range.
            e.HasIndex(x => new { x.At, x.Id });
        });
        builder.Entity<QuotaCharge>(q =>
        {
            q.ToTable("QuotaCharges");
            q.Property(x => x.Key).HasMaxLength(200);
            q.HasIndex(x => x.ClaimId);
            q.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PolicySettings>(p =>
        {
            p.ToTable("PolicySettings");
            p.HasKey(x => x.District);
            p.Property(x => x.District).HasMaxLength(32);
            p.Property(x => x.UpdatedBy).HasMaxLength(256);
            p.Property(x => x.ReminderWorkingDays).HasDefaultValue(Scheduling.ReviewOptions.DefaultReminderWorkingDays);
        });
        builder.Entity<ProactiveOffer>(o =>
        {
            o.ToTable("ProactiveOffers");
            o.Property(x => x.District).HasMaxLength(32);
            o.Property(x => x.Clause).HasMaxLength(64);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            o.Property(x => x.CreatedBy).HasMaxLength(256);
            o.HasIndex(x => new { x.EnterpriseId, x.Clause, x.Year }).IsUnique();
            o.HasIndex(x => new { x.District, x.Clause, x.Year });
            o.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TrackingCounter>(t =>
        {
            t.ToTable("TrackingCounters");
            t.HasKey(x => new { x.District, x.Year });
            t.Property(x => x.District).HasMaxLength(32);
        });
        builder.Entity<CalendarDay>(d =>
        {
            d.ToTable("CalendarDays");
            d.HasKey(x => x.Day);
            d.Property(x => x.Day).ValueGeneratedNever();
            d.Property(x => x.Name).HasMaxLength(100);
        });
        builder.Entity<Quota>(q =>
        {
            q.ToTable("Quotas", t => t.HasCheckConstraint("CK_Quotas_UsedWithinCap", "\"UsedFen\" <= \"CapFen\" AND \"UsedFen\" >= 0"));
            q.Property(x => x.Key).HasMaxLength(200);
            q.HasIndex(x => x.Key).IsUnique();
        });
        builder.Entity<Subscription>(x =>
        {
            x.ToTable("Subscriptions");
            x.Property(s => s.UserId).HasMaxLength(450);
            x.Property(s => s.District).HasMaxLength(32);
            x.Property(s => s.Clause).HasMaxLength(64);
            x.HasIndex(s => new { s.UserId, s.District, s.Clause }).IsUnique();
            x.HasIndex(s => new { s.District, s.Clause });
        });
        builder.Entity<Notification>(n =>
        {
            n.ToTable("Notifications");
            n.Property(x => x.UserId).HasMaxLength(450);
            n.Property(x => x.Title).HasMaxLength(200);
            n.Property(x => x.Body).HasMaxLength(2000);
            n.Property(x => x.Link).HasMaxLength(500);
            n.Property(x => x.EmailTo).HasMaxLength(256);
            n.HasIndex(x => new { x.UserId, x.Id });
            n.HasIndex(x => new { x.EmailedAt, x.Id });
        });
    }
}
