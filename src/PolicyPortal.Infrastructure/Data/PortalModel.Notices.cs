using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Notices;

namespace PolicyPortal.Infrastructure.Data;

/// <summary>Publication and payment: the frozen 公示名单 (notices and their lines) and the payments (拨付) of awards on them.</summary>
internal static class NoticesModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Notice>(n =>
        {
            n.ToTable("Notices");
            n.Property(x => x.District).HasMaxLength(32);
            n.Property(x => x.PublishedBy).HasMaxLength(256);
            // Two administrators publishing at once cannot both take the same 期 number.
            n.HasIndex(x => new { x.District, x.Year, x.Sequence }).IsUnique();
            n.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.NoticeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<NoticeLine>(l =>
        {
            l.ToTable("NoticeLines");
            l.Property(x => x.TrackingNumber).HasMaxLength(32);
            l.Property(x => x.EnterpriseName).HasMaxLength(200);
            l.Property(x => x.CreditCode).HasMaxLength(18);
            l.Property(x => x.Project).HasMaxLength(200);
            l.Property(x => x.Clause).HasMaxLength(64);
            l.Property(x => x.ClauseTitle).HasMaxLength(500);
            l.HasIndex(x => new { x.NoticeId, x.Position }).IsUnique();
            l.HasIndex(x => x.ClaimId);
        });
        builder.Entity<Payment>(p =>
        {
            p.ToTable("Payments");
            p.Property(x => x.District).HasMaxLength(32);
            p.Property(x => x.Reference).HasMaxLength(64);
            p.Property(x => x.RecordedBy).HasMaxLength(256);
            // The backstop against paying one award twice.
            p.HasIndex(x => x.ClaimId).IsUnique();
            p.HasIndex(x => x.NoticeId);
            p.HasIndex(x => new { x.District, x.Id });
            p.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
