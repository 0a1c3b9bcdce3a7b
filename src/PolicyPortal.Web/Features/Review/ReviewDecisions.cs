using ClaimsPrincipal = System.Security.Claims.ClaimsPrincipal;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Web.Features.Applications;

namespace PolicyPortal.Web.Features.Review;

/// <summary>
/// A reviewer's decisions. Each runs in one transaction: the engine is re-run against today's ledger (the amount may not
/// exceed what it allows now), every ceiling the claim counts against is charged by a conditional update on its quota
/// row (used + amount ≤ cap; a CHECK constraint backs it up), and the claim and application change only from the state
/// they are expected to be in. Two reviewers approving at once can neither approve one claim twice nor push two claims
/// of one enterprise past a cap: the second one is refused with a clear message.
/// </summary>
internal sealed class ReviewDecisions(PortalDbContext db, CatalogStore catalogs, ApplicationLedger ledger, Infrastructure.Notifications.Notifier notifier, TimeProvider clock)
{
    public async Task<Outcome> StartReviewAsync(ClaimsPrincipal reviewer, long applicationId, bool noConflictOfInterest, CancellationToken ct = default)
    {
        if (!noConflictOfInterest)
            return Outcome.Refused("开始审核前须声明与该企业无利益冲突（回避声明）；如有冲突，请交回由其他审核人员办理", "Declare no conflict of interest before reviewing, or hand it back");
        var application = await FindAsync(reviewer, applicationId, ct);
        if (application is null) return Outcome.Refused("申报不存在", "No such application");
        if (!ApplicationStateMachine.TryApply(application.Status, ApplicationAction.StartReview, ActorRole.Reviewer, out var next, out var error))
            return Outcome.Refused(error);
        var changed = await db.Applications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next).SetProperty(a => a.UpdatedAt, clock.GetUtcNow()).SetProperty(a => a.Version, a => a.Version + 1), ct);
        if (changed == 0) return AlreadyDecided();
        await EventAsync(applicationId, reviewer, nameof(ApplicationAction.StartReview), ApplicationStatus.Submitted, next, "回避声明：与申报企业无利益冲突", ct);
        return Outcome.Done(applicationId);
    }

    /// <summary>
    /// Returns the application for supplement (补正) with the items needed and a deadline in days (23:59:59 Beijing time
    /// on the last day). Only before any claim is decided, so no approval has to be voided.
    /// </summary>
    public async Task<Outcome> ReturnForSupplementAsync(ClaimsPrincipal reviewer, long applicationId, string items, int days, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(items)) return Outcome.Refused("请写明需要补正的材料或事项", "List what the enterprise must supply");
        if (days is < 1 or > 60) return Outcome.Refused("补正期限须为 1–60 天", "The deadline must be 1 to 60 days");
        var application = await FindAsync(reviewer, applicationId, ct);
        if (application is null) return Outcome.Refused("申报不存在", "No such application");
        if (!ApplicationStateMachine.TryApply(application.Status, ApplicationAction.ReturnForSupplement, ActorRole.Reviewer, out var next, out var error))
            return Outcome.Refused(error);
        if (await db.Claims.AnyAsync(c => c.Decision != null && db.Set<Project>().Any(p => p.Id == c.ProjectId && p.ApplicationId == applicationId), ct))
            return Outcome.Refused("已有事项作出决定，不能退回补正", "Some claims are already decided: it cannot be returned now");
        var now = clock.GetUtcNow();
        var due = BeijingTime.EndOf(BeijingTime.DateOf(now).AddDays(days)).ToUniversalTime();
        var text = items.Trim()[..Math.Min(items.Trim().Length, 4000)];
        var changed = await db.Applications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.UnderReview)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next).SetProperty(a => a.SupplementRequest, text).SetProperty(a => a.SupplementDeadline, due)
                .SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.Version, a => a.Version + 1), ct);
        if (changed == 0) return AlreadyDecided();
        await EventAsync(applicationId, reviewer, nameof(ApplicationAction.ReturnForSupplement), ApplicationStatus.UnderReview, next,
            $"补正要求：{text}；期限 {BeijingTime.DateOf(due):yyyy-MM-dd}", ct);
        await notifier.NotifyEnterpriseAsync(application.EnterpriseId, $"申报需补正：{application.TrackingNumber}", $"审核人员要求补正：{text}。请于 {BeijingTime.DateOf(due):yyyy-MM-dd} 前补正并重新提交。",
            $"/enterprise/applications/{applicationId}", ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(applicationId);
    }

    /// <summary>Approves a claim at the amount given, or at what the engine allows now when none is given.</summary>
    public async Task<Outcome> ApproveAsync(ClaimsPrincipal reviewer, long claimId, long? amountFen, string? reason, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear(); // a retry starts from the database, never from a stale tracker
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (application, claim, project) = await FindClaimAsync(reviewer, claimId, ct);
            if (application is null || claim is null || project is null) return Outcome.Refused("申报事项不存在", "No such claim");
            if (application.Status != ApplicationStatus.UnderReview) return Outcome.Refused("须先开始审核（含回避声明）", "Start the review (with the conflict declaration) first");
            if (claim.Decision is not null) return AlreadyDecided();

            var catalog = await catalogs.GetActiveAsync(application.District, ct);
            var request = await ledger.BuildAsync(application, catalog.Document, ct: ct);
            var allowed = catalog.Engine.Calculate(request).Find(ApplicationLedger.EngineId(claim.Id))!.Value.GrantedFen;
            var amount = amountFen ?? allowed;
            if (amount <= 0) return Outcome.Refused("按今日台账本项可核定金额为 0，请驳回或说明", "The engine allows nothing for this claim today: reject it");
            if (amount > allowed)
                return Outcome.Refused($"核定金额不能超过按今日台账测算的 {allowed / 100m:N2} 元", $"The amount cannot exceed what the engine allows today, {allowed / 100m:N2} yuan");
            if (amount < allowed && string.IsNullOrWhiteSpace(reason))
                return Outcome.Refused("核定金额低于测算金额时须说明理由", "Give a reason for approving less than the engine allows");

            foreach (var (key, cap) in QuotaKeys.For(catalog.Document, claim.Clause, application.EnterpriseId, project.Name, application.Year))
            {
                await EnsureQuotaAsync(key, cap, ct);
                var charged = await db.Quotas.Where(q => q.Key == key && q.UsedFen + amount <= q.CapFen)
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.UsedFen, q => q.UsedFen + amount), ct);
                if (charged == 0)
                    return Outcome.Refused("超出年度上限或资金池余额（可能另一审核人员刚刚核定了同一企业的其他事项），请刷新后重新核定", "A cap or pool would be exceeded (another approval just used it): reload and decide again");
            }
            var decided = await db.Claims.Where(c => c.Id == claim.Id && c.Decision == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Decision, ClaimDecision.Approved).SetProperty(c => c.ApprovedFen, amount)
                    .SetProperty(c => c.DecisionReason, reason).SetProperty(c => c.Version, c => c.Version + 1), ct);
            if (decided == 0) return AlreadyDecided(); // the transaction is not committed: the quota charges roll back
            await EventAsync(application.Id, reviewer, "ApproveClaim", null, null, $"{claim.Clause} 核定 ¥{amount / 100m:N2}{(reason is null ? "" : $"；理由：{reason}")}", ct);
            await CompleteIfDecidedAsync(application, reviewer, ct);
            await tx.CommitAsync(ct);
            return Outcome.Done(application.Id);
        });
    }

    public async Task<Outcome> RejectAsync(ClaimsPrincipal reviewer, long claimId, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Refused("驳回须说明理由", "Give the reason for rejecting");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (application, claim, _) = await FindClaimAsync(reviewer, claimId, ct);
            if (application is null || claim is null) return Outcome.Refused("申报事项不存在", "No such claim");
            if (application.Status != ApplicationStatus.UnderReview) return Outcome.Refused("须先开始审核（含回避声明）", "Start the review first");
            var decided = await db.Claims.Where(c => c.Id == claim.Id && c.Decision == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Decision, ClaimDecision.Rejected).SetProperty(c => c.ApprovedFen, 0L)
                    .SetProperty(c => c.DecisionReason, reason.Trim()).SetProperty(c => c.Version, c => c.Version + 1), ct);
            if (decided == 0) return AlreadyDecided();
            await EventAsync(application.Id, reviewer, "RejectClaim", null, null, $"{claim.Clause} 不予支持；理由：{reason.Trim()}", ct);
            await CompleteIfDecidedAsync(application, reviewer, ct);
            await tx.CommitAsync(ct);
            return Outcome.Done(application.Id);
        });
    }

    /// <summary>When every claim is decided, the application takes its outcome — from UnderReview only.</summary>
    private async Task CompleteIfDecidedAsync(Application application, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var decisions = await db.Claims.Where(c => db.Set<Project>().Any(p => p.Id == c.ProjectId && p.ApplicationId == application.Id))
            .Select(c => c.Decision).ToListAsync(ct);
        if (decisions.Any(d => d is null)) return;
        var outcome = ApplicationStateMachine.OutcomeOf([.. decisions.Select(d => d!.Value)]);
        var changed = await db.Applications.Where(a => a.Id == application.Id && a.Status == ApplicationStatus.UnderReview)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, outcome).SetProperty(a => a.UpdatedAt, clock.GetUtcNow()).SetProperty(a => a.Version, a => a.Version + 1), ct);
        if (changed == 1)
        {
            await EventAsync(application.Id, reviewer, nameof(ApplicationAction.Decide), ApplicationStatus.UnderReview, outcome, null, ct);
            await notifier.NotifyEnterpriseAsync(application.EnterpriseId, $"审核结果：{application.TrackingNumber} {outcome.DisplayName().Zh}", "审核已完成，请在“我的奖补”查看核定金额与依据。", "/enterprise/awards", ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task EnsureQuotaAsync(string key, long capFen, CancellationToken ct)
    {
        // Create the row once; a concurrent creator wins harmlessly.
        var sql = db.Database.IsNpgsql()
            ? "INSERT INTO \"Quotas\" (\"Key\", \"CapFen\", \"UsedFen\") VALUES ({0}, {1}, 0) ON CONFLICT (\"Key\") DO NOTHING"
            : "INSERT OR IGNORE INTO \"Quotas\" (\"Key\", \"CapFen\", \"UsedFen\") VALUES ({0}, {1}, 0)";
        await db.Database.ExecuteSqlRawAsync(sql, [key, capFen], ct);
    }

    private async Task<Application?> FindAsync(ClaimsPrincipal reviewer, long id, CancellationToken ct)
    {
        var district = ReviewQueue.ScopeOf(reviewer);
        return await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && (district == null || a.District == district), ct);
    }

    private async Task<(Application?, Claim?, Project?)> FindClaimAsync(ClaimsPrincipal reviewer, long claimId, CancellationToken ct)
    {
        var district = ReviewQueue.ScopeOf(reviewer);
        var claim = await db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return (null, null, null);
        var project = await db.Set<Project>().AsNoTracking().SingleAsync(p => p.Id == claim.ProjectId, ct);
        var application = await db.Applications.AsNoTracking().Include(a => a.Projects).ThenInclude(p => p.Claims).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == project.ApplicationId && (district == null || a.District == district), ct);
        return application is null ? (null, null, null) : (application, claim, project);
    }

    private async Task EventAsync(long applicationId, ClaimsPrincipal reviewer, string action, ApplicationStatus? from, ApplicationStatus? to, string? note, CancellationToken ct)
    {
        db.ApplicationEvents.Add(new ApplicationEvent
        {
            ApplicationId = applicationId, At = clock.GetUtcNow(), Actor = reviewer.Identity?.Name ?? "reviewer", Action = action,
            FromStatus = from?.ToString(), ToStatus = to?.ToString(), Note = note,
        });
        await db.SaveChangesAsync(ct);
    }

    private static Outcome AlreadyDecided() => Outcome.Refused("该事项已由其他审核人员处理（已审结或状态已变化），请刷新查看", "Already decided by another reviewer: reload to see it");
}
