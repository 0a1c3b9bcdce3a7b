using ClaimsPrincipal = System.Security.Claims.ClaimsPrincipal;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Notifications;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Features.Admin.Proactive;

/// <summary>
/// 免申即享: an administrator runs the match for one eligible clause part; every enterprise of the district holding a
/// qualification it names, and not yet offered it this year, gets an offer at what the engine gives it today (its own prior
/// awards, one-time rules and caps counted). Enterprises the engine gives nothing are skipped. Running it again offers
/// only to the newly qualifying (a unique index backs that up).
/// </summary>
internal sealed class ProactiveMatch(PortalDbContext db, CatalogStore catalogs, ApplicationLedger ledger, Notifier notifier, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<(Outcome Outcome, int Offered)> RunAsync(ClaimsPrincipal admin, string district, string clause, CancellationToken ct = default)
    {
        if (!AdminScope.Manages(admin, district)) return (Outcome.Refused("无权管理该区政策", "You do not manage this district"), 0);
        var catalog = await catalogs.GetActiveAsync(district, ct);
        var part = catalog.Document.Articles.SelectMany(a => a.Parts).FirstOrDefault(p => p.Code == clause);
        if (part is null || !ProactiveAwards.IsEligible(part))
            return (Outcome.Refused("该条款不适用免申即享（须为开放的固定金额奖励，条件可由企业档案中的资质判断）", "This clause cannot be awarded without application"), 0);
        var year = BeijingTime.DateOf(clock.GetUtcNow()).Year;
        var offered = await db.ProactiveOffers.Where(o => o.District == district && o.Clause == clause && o.Year == year).Select(o => o.EnterpriseId).ToListAsync(ct);
        var candidates = await db.Enterprises.AsNoTracking().Include(e => e.Qualifications)
            .Where(e => e.District == district && !offered.Contains(e.Id) && e.Qualifications.Any(q => part.Qualifications.Contains(q.Key)))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var actor = AuditActors.For(admin, http.HttpContext);
        var count = 0;
        foreach (var enterprise in candidates)
        {
            if (!ProactiveAwards.Qualifies(part, enterprise.Qualifications.Select(q => q.Key).ToHashSet(StringComparer.Ordinal))) continue;
            // The engine on a would-be application with this one claim, against the enterprise's ledger today.
            var probe = new Application
            {
                Id = -1, EnterpriseId = enterprise.Id, District = district, Year = year,
                Projects = [new Project { Name = part.Title, Claims = [new Claim { Id = 0, Clause = clause }] }],
            };
            var result = catalog.Engine.Calculate(await ledger.BuildAsync(probe, catalog.Document, ct: ct));
            var estimate = result.Find(ApplicationLedger.EngineId(0))?.GrantedFen ?? 0;
            if (estimate <= 0) continue;
            db.ProactiveOffers.Add(new ProactiveOffer
            {
                District = district, Year = year, EnterpriseId = enterprise.Id, Clause = clause, EstimateFen = estimate, Status = ProactiveOfferStatus.Offered,
                CreatedAt = clock.GetUtcNow(), CreatedBy = admin.Identity?.Name ?? "",
            });
            audit.Add(actor, "ProactiveOffer", $"{enterprise.Id}/{clause}/{year}", "Offer", null, new { enterprise = enterprise.Name, clause, estimateFen = estimate }, district: district);
            await notifier.NotifyEnterpriseAsync(enterprise.Id, $"免申即享：{part.Title}",
                $"根据贵单位在平台登记的资质，可享受 {catalog.Document.Name} {part.Code} 奖励（测算 {estimate / 100m:N2} 元）。请在“免申即享”中确认意愿，确认后进入审核。", "/enterprise/offers", ct);
            count++;
        }
        await db.SaveChangesAsync(ct);
        return (Outcome.Done(), count);
    }
}
