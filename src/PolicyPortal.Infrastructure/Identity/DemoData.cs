using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;

namespace PolicyPortal.Infrastructure.Identity;

/// <summary>Demo data of the embedded default: the demo enterprise's file and this year's application windows. Idempotent.</summary>
public static class DemoData
{
    public static async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var year = BeijingTime.DateOf(now).Year;
        foreach (var district in Districts.All)
        {
            if (!await db.PolicyWindows.AnyAsync(w => w.District == district && w.Year == year, cancellationToken))
                db.PolicyWindows.Add(new PolicyWindow { District = district, Year = year, Opens = new DateOnly(year, 1, 1), Closes = new DateOnly(year, 12, 31) });
        }

        var owner = await db.Users.SingleOrDefaultAsync(u => u.UserName == DemoAccounts.EnterpriseUser, cancellationToken);
        if (owner is not null && !await db.Enterprises.AnyAsync(e => e.OwnerUserId == owner.Id, cancellationToken))
        {
            db.Enterprises.Add(new Enterprise
            {
                CreditCode = DemoAccounts.EnterpriseCreditCode,
                Name = owner.DisplayName,
                District = owner.District ?? "shijingshan",
                ContactName = "张明",
                ContactPhone = "13800138000",
                Email = owner.Email,
                OwnerUserId = owner.Id,
                CreatedAt = now,
                UpdatedAt = now,
                Qualifications = [new() { Key = "ai-enterprise" }, new() { Key = "genai-filed" }],
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
