using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PolicyPortal.Infrastructure.Data;

/// <summary>
/// The portal's one DbContext, on SQLite (embedded default) or PostgreSQL. The schema comes only from the hand-written
/// migrations in Data/Migrations; a test proves on both providers that they build exactly this model.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();
    public DbSet<Enterprises.Enterprise> Enterprises => Set<Enterprises.Enterprise>();
    public DbSet<Applications.PolicyWindow> PolicyWindows => Set<Applications.PolicyWindow>();
    public DbSet<Applications.Application> Applications => Set<Applications.Application>();
    public DbSet<Applications.Claim> Claims => Set<Applications.Claim>();
    public DbSet<Applications.Evidence> Evidence => Set<Applications.Evidence>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Applications.Notification> Notifications => Set<Applications.Notification>();
    public DbSet<Enterprises.Subscription> Subscriptions => Set<Enterprises.Subscription>();
    public DbSet<Applications.Quota> Quotas => Set<Applications.Quota>();
    public DbSet<Applications.QuotaCharge> QuotaCharges => Set<Applications.QuotaCharge>();
    public DbSet<Applications.PolicySettings> PolicySettings => Set<Applications.PolicySettings>();
    public DbSet<Applications.CalendarDay> CalendarDays => Set<Applications.CalendarDay>();
    public DbSet<Applications.ProactiveOffer> ProactiveOffers => Set<Applications.ProactiveOffer>();
    public DbSet<DataProtection.DataProtectionKey> DataProtectionKeys => Set<DataProtection.DataProtectionKey>();
    public DbSet<Notices.Notice> Notices => Set<Notices.Notice>();
    public DbSet<Notices.NoticeLine> NoticeLines => Set<Notices.NoticeLine>();
    public DbSet<Notices.Payment> Payments => Set<Notices.Payment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.District).HasMaxLength(32);
            user.HasIndex(u => u.District);
        });

        builder.Entity<JobRun>(run =>
        {
            run.ToTable("JobRuns");
            run.Property(r => r.JobName).HasMaxLength(200);
            run.Property(r => r.Instance).HasMaxLength(200);
            run.Property(r => r.Error).HasMaxLength(4000);
            run.HasIndex(r => new { r.JobName, r.FinishedAt });
        });

        builder.Entity<CatalogVersion>(version =>
        {
            version.ToTable("CatalogVersions");
            version.Property(v => v.District).HasMaxLength(32);
            version.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            version.Property(v => v.Reason).HasMaxLength(1000);
            version.Property(v => v.CreatedBy).HasMaxLength(256);
            version.Property(v => v.CreatedById).HasMaxLength(450);
            version.Property(v => v.DecidedBy).HasMaxLength(256);
            version.Property(v => v.DecisionNote).HasMaxLength(1000);
            version.Property(v => v.EffectiveDay).HasDefaultValue(0);
            version.HasIndex(v => new { v.District, v.Version }).IsUnique();
            version.HasIndex(v => new { v.District, v.Status });
        });

        JourneyModel.Configure(builder);
        DataProtection.DataProtectionKey.Configure(builder);
        NoticesModel.Configure(builder);
    }
}
