using ClaimsPrincipal = System.Security.Claims.ClaimsPrincipal;
using ClaimTypes = System.Security.Claims.ClaimTypes;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Notifications;
using PolicyPortal.Infrastructure.Scheduling;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Features.Review;

/// <summary>
/// A reviewer's decisions. Each runs in one transaction with its audit entries: the engine is re-run against today's ledger
/// (the amount may not exceed what it allows now), every ceiling the claim counts against is charged by a conditional update
/// on its quota row (used + amount ≤ cap; a CHECK constraint backs it up), and the claim and application change only from
/// the state they are expected to be in. Two reviewers approving at once can neither approve one claim twice nor push two
/// claims of one enterprise past a cap: the second one is refused with a clear message. Under a two-stage policy the first
/// stage's decisions wait for a second reviewer (复审), who confirms them or sends them back (the decisions become void and
/// their quota is given back).
/// </summary>
internal sealed class ReviewDecisions(PortalDbContext db, CatalogStore catalogs, ApplicationLedger ledger, Notifier notifier, ClaimQuotas quotas,
    ReviewRules rules, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<Outcome> StartReviewAsync(ClaimsPrincipal reviewer, long applicationId, bool noConflictOfInterest, CancellationToken ct = default)
    {
        if (!noConflictOfInterest)
            return Outcome.Refused("开始审核前须声明与该企业无利益冲突（回避声明）；如有冲突，请交回由其他审核人员办理", "Declare no conflict of interest before reviewing, or hand it back");
        var application = await FindAsync(reviewer, applicationId, ct);
        if (application is null) return NotFound();
        if (!ApplicationStateMachine.TryApply(application.Status, ApplicationAction.StartReview, ActorRole.Reviewer, out var next, out var error))
            return Outcome.Refused(error);
        return await InTransactionAsync(async token =>
        {
            var changed = await db.Applications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next).SetProperty(a => a.UpdatedAt, clock.GetUtcNow()).SetProperty(a => a.Version, a => a.Version + 1), token);
            if (changed == 0) return AlreadyDecided();
            audit.Application(Actor(reviewer), applicationId, application.District, nameof(ApplicationAction.StartReview),
                new { status = nameof(ApplicationStatus.Submitted) }, new { status = next.ToString(), noConflictOfInterest = true }, "回避声明：与申报企业无利益冲突");
            return Outcome.Done(applicationId);
        }, ct);
    }

    /// <summary>
    /// Returns the application for supplement (补正) with the items needed and a deadline in days (23:59:59 Beijing time on the
    /// last day), at either stage. Decisions made so far become void and give their quota back.
    /// </summary>
    public async Task<Outcome> ReturnForSupplementAsync(ClaimsPrincipal reviewer, long applicationId, string items, int days, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(items)) return Outcome.Refused("请写明需要补正的材料或事项", "List what the enterprise must supply");
        if (days is < 1 or > 60) return Outcome.Refused("补正期限须为 1–60 天", "The deadline must be 1 to 60 days");
        var application = await FindAsync(reviewer, applicationId, ct);
        if (application is null) return NotFound();
        if (!ApplicationStateMachine.TryApply(application.Status, ApplicationAction.ReturnForSupplement, ActorRole.Reviewer, out var next, out var error))
            return Outcome.Refused(error);
        var from = application.Status;
        var now = clock.GetUtcNow();
        var due = BeijingTime.EndOf(BeijingTime.DateOf(now).AddDays(days)).ToUniversalTime();
        var text = items.Trim()[..Math.Min(items.Trim().Length, 4000)];
        return await InTransactionAsync(async token =>
        {
            var changed = await db.Applications.Where(a => a.Id == applicationId && a.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next).SetProperty(a => a.SupplementRequest, text).SetProperty(a => a.SupplementDeadline, due)
                    .SetProperty(a => a.FirstStageBy, (string?)null).SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.Version, a => a.Version + 1), token);
            if (changed == 0) return AlreadyDecided();
            var voided = await quotas.VoidDecisionsAsync(applicationId, application.District, Actor(reviewer), "退回补正", token);
            audit.Application(Actor(reviewer), applicationId, application.District, nameof(ApplicationAction.ReturnForSupplement),
                new { status = from.ToString() }, new { status = next.ToString(), supplementRequest = text, supplementDeadline = due },
                $"补正要求：{text}；期限 {BeijingTime.DateOf(due):yyyy-MM-dd}{(voided > 0 ? $"；已作出的 {voided} 项决定作废" : "")}");
            await notifier.NotifyEnterpriseAsync(application.EnterpriseId, $"申报需补正：{application.TrackingNumber}", $"审核人员要求补正：{text}。请于 {BeijingTime.DateOf(due):yyyy-MM-dd} 前补正并重新提交。",
                $"/enterprise/applications/{applicationId}", token);
            return Outcome.Done(applicationId);
        }, ct);
    }

    /// <summary>Approves a claim at the amount given, or at what the engine allows now when none is given.</summary>
    public async Task<Outcome> ApproveAsync(ClaimsPrincipal reviewer, long claimId, long? amountFen, string? reason, CancellationToken ct = default) =>
        await InTransactionAsync(async token =>
        {
            var (application, claim, project) = await FindClaimAsync(reviewer, claimId, token);
            if (application is null || claim is null || project is null) return Outcome.Refused("申报事项不存在", "No such claim");
            // A reviewer who lost the race hears that, whatever the application's status has become meanwhile.
            if (claim.Decision is not null || (application.Status != ApplicationStatus.UnderReview && await DecidedAsync(claim.Id, token))) return AlreadyDecided();
            if (application.Status != ApplicationStatus.UnderReview) return NotUnderReview(application.Status);

            var catalog = await catalogs.GetForAsync(application.District, application.CatalogVersion, token); // the version it was submitted under
            var request = await ledger.BuildAsync(application, catalog.Document, ct: token);
            var allowed = catalog.Engine.Calculate(request).Find(ApplicationLedger.EngineId(claim.Id))!.Value.GrantedFen;
            var amount = amountFen ?? allowed;
            if (amount <= 0) return Outcome.Refused("按今日台账本项可核定金额为 0，请驳回或说明", "The engine allows nothing for this claim today: reject it");
            if (amount > allowed)
                return Outcome.Refused($"核定金额不能超过按今日台账测算的 {allowed / 100m:N2} 元", $"The amount cannot exceed what the engine allows today, {allowed / 100m:N2} yuan");
            if (amount < allowed && string.IsNullOrWhiteSpace(reason))
                return Outcome.Refused("核定金额低于测算金额时须说明理由", "Give a reason for approving less than the engine allows");

            var keys = QuotaKeys.For(catalog.Document, claim.Clause, application.EnterpriseId, project.Name, application.Year);
            if (!await quotas.ChargeAsync(claim.Id, keys, amount, token))
                return Outcome.Refused("超出年度上限或资金池余额（可能另一审核人员刚刚核定了同一企业的其他事项），请刷新后重新核定", "A cap or pool would be exceeded (another approval just used it): reload and decide again");
            var decided = await db.Claims.Where(c => c.Id == claim.Id && c.Decision == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Decision, ClaimDecision.Approved).SetProperty(c => c.ApprovedFen, amount)
                    .SetProperty(c => c.DecisionReason, reason).SetProperty(c => c.Version, c => c.Version + 1), token);
            if (decided == 0) return AlreadyDecided(); // the transaction is not committed: the quota charges roll back
            audit.Claim(Actor(reviewer), application.Id, application.District, claim.Id, "ApproveClaim",
                new { clause = claim.Clause, decision = (string?)null, frozenGrantedFen = claim.FrozenGrantedFen },
                new { clause = claim.Clause, decision = nameof(ClaimDecision.Approved), frozenGrantedFen = claim.FrozenGrantedFen, approvedFen = amount, allowedFen = allowed, reason, catalogVersion = catalog.Version, quota = keys.Select(k => k.Key) },
                $"{claim.Clause} 核定 ¥{amount / 100m:N2}{(reason is null ? "" : $"；理由：{reason}")}");
            await db.SaveChangesAsync(token);
            await CompleteIfDecidedAsync(application, reviewer, token);
            return Outcome.Done(application.Id);
        }, ct);

    public async Task<Outcome> RejectAsync(ClaimsPrincipal reviewer, long claimId, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Refused("驳回须说明理由", "Give the reason for rejecting");
        return await InTransactionAsync(async token =>
        {
            var (application, claim, _) = await FindClaimAsync(reviewer, claimId, token);
            if (application is null || claim is null) return Outcome.Refused("申报事项不存在", "No such claim");
            if (claim.Decision is not null || (application.Status != ApplicationStatus.UnderReview && await DecidedAsync(claim.Id, token))) return AlreadyDecided();
            if (application.Status != ApplicationStatus.UnderReview) return NotUnderReview(application.Status);
            var decided = await db.Claims.Where(c => c.Id == claim.Id && c.Decision == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Decision, ClaimDecision.Rejected).SetProperty(c => c.ApprovedFen, 0L)
                    .SetProperty(c => c.DecisionReason, reason.Trim()).SetProperty(c => c.Version, c => c.Version + 1), token);
            if (decided == 0) return AlreadyDecided();
            audit.Claim(Actor(reviewer), application.Id, application.District, claim.Id, "RejectClaim",
                new { clause = claim.Clause, decision = (string?)null }, new { clause = claim.Clause, decision = nameof(ClaimDecision.Rejected), reason = reason.Trim() }, $"{claim.Clause} 不予支持；理由：{reason.Trim()}");
            await db.SaveChangesAsync(token);
            await CompleteIfDecidedAsync(application, reviewer, token);
            return Outcome.Done(application.Id);
        }, ct);
    }

    /// <summary>复审: a second reviewer confirms the first stage's decisions; the application takes its outcome.</summary>
    public async Task<Outcome> ConfirmAsync(ClaimsPrincipal reviewer, long applicationId, CancellationToken ct = default) =>
        await InTransactionAsync(async token =>
        {
            var application = await FindAsync(reviewer, applicationId, token);
            if (application is null) return NotFound();
            if (SecondStageRefusal(application, reviewer) is { } refused) return refused;
            var decisions = await DecisionsAsync(applicationId, token);
            if (decisions.Count == 0 || decisions.Any(d => d is null)) return Outcome.Refused("尚有事项未作初审决定", "Some claims have no first-stage decision");
            if (!ApplicationStateMachine.TryApply(application.Status, ApplicationAction.Decide, ActorRole.Reviewer, [.. decisions.Select(d => d!.Value)], out var outcome, out var error))
                return Outcome.Refused(error);
            if (!await FinishAsync(application, reviewer, ApplicationStatus.AwaitingSecondReview, outcome, "复审通过，维持初审决定", token)) return AlreadyDecided();
            return Outcome.Done(applicationId);
        }, ct);

    /// <summary>复审退回: back to the first stage; every decision of it becomes void and gives its quota back.</summary>
    public async Task<Outcome> SendBackAsync(ClaimsPrincipal reviewer, long applicationId, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Refused("退回初审须说明理由", "Give the reason for sending it back");
        return await InTransactionAsync(async token =>
        {
            var application = await FindAsync(reviewer, applicationId, token);
            if (application is null) return NotFound();
            if (SecondStageRefusal(application, reviewer) is { } refused) return refused;
            var changed = await db.Applications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.AwaitingSecondReview)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.UnderReview).SetProperty(a => a.FirstStageBy, (string?)null)
                    .SetProperty(a => a.UpdatedAt, clock.GetUtcNow()).SetProperty(a => a.Version, a => a.Version + 1), token);
            if (changed == 0) return AlreadyDecided();
            var voided = await quotas.VoidDecisionsAsync(applicationId, application.District, Actor(reviewer), $"复审退回初审：{reason.Trim()}", token);
            audit.Application(Actor(reviewer), applicationId, application.District, nameof(ApplicationAction.SendBack),
                new { status = nameof(ApplicationStatus.AwaitingSecondReview), firstStageBy = application.FirstStageBy }, new { status = nameof(ApplicationStatus.UnderReview) },
                $"复审退回初审：{reason.Trim()}；{voided} 项初审决定作废");
            return Outcome.Done(applicationId);
        }, ct);
    }

    /// <summary>
    /// Batch approval: for each application, (with the reviewer's conflict declaration covering all of them) starts the review
    /// where it has not started, then approves every pending claim at what the engine allows today — each claim in its own
    /// transaction with the same cap and pool checks as one by one. Returns one line per application.
    /// </summary>
    public async Task<IReadOnlyList<BatchLine>> BatchApproveAsync(ClaimsPrincipal reviewer, IReadOnlyCollection<long> applicationIds, bool noConflictOfInterest, CancellationToken ct = default)
    {
        var lines = new List<BatchLine>();
        foreach (var id in applicationIds.Distinct().Take(200))
        {
            var application = await FindAsync(reviewer, id, ct);
            if (application is null) { lines.Add(new BatchLine(id, null, 0, 0, NotFound().Error)); continue; }
            if (application.Status == ApplicationStatus.Submitted)
            {
                var started = await StartReviewAsync(reviewer, id, noConflictOfInterest, ct);
                if (!started.Ok) { lines.Add(new BatchLine(id, application.TrackingNumber, 0, 0, started.Error)); continue; }
            }
            else if (application.Status != ApplicationStatus.UnderReview)
            {
                lines.Add(new BatchLine(id, application.TrackingNumber, 0, 0, NotUnderReview(application.Status).Error));
                continue;
            }
            var pending = await db.Claims.AsNoTracking().Where(c => c.Decision == null && db.Set<Project>().Any(p => p.Id == c.ProjectId && p.ApplicationId == id))
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
            var approved = 0;
            long total = 0;
            Domain.BilingualText? firstError = null;
            foreach (var claimId in pending)
            {
                var outcome = await ApproveAsync(reviewer, claimId, amountFen: null, reason: null, ct);
                if (outcome.Ok)
                {
                    approved++;
                    total += await db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(c => c.ApprovedFen ?? 0).SingleAsync(ct);
                }
                else firstError ??= outcome.Error;
            }
            lines.Add(new BatchLine(id, application.TrackingNumber, approved, total, approved == pending.Count ? null : firstError));
        }
        return lines;
    }

    /// <summary>One application's result in a batch: how many claims were approved, for how much, and the first refusal.</summary>
    public sealed record BatchLine(long ApplicationId, string? TrackingNumber, int Approved, long ApprovedFen, Domain.BilingualText? Error);

    /// <summary>When every claim is decided: the outcome (one stage), or on to the second stage (two-stage policy).</summary>
    private async Task CompleteIfDecidedAsync(Application application, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var decisions = await DecisionsAsync(application.Id, ct);
        if (decisions.Any(d => d is null)) return;
        var policy = await rules.ForAsync(application.District, ct);
        if (policy.TwoStageReview)
        {
            var changed = await db.Applications.Where(a => a.Id == application.Id && a.Status == ApplicationStatus.UnderReview)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.AwaitingSecondReview).SetProperty(a => a.FirstStageBy, ReviewerId(reviewer))
                    .SetProperty(a => a.UpdatedAt, clock.GetUtcNow()).SetProperty(a => a.Version, a => a.Version + 1), ct);
            if (changed == 0) return;
            audit.Application(Actor(reviewer), application.Id, application.District, nameof(ApplicationAction.CompleteFirstStage),
                new { status = nameof(ApplicationStatus.UnderReview) }, new { status = nameof(ApplicationStatus.AwaitingSecondReview), firstStageBy = ReviewerId(reviewer) }, "初审完成，待复审");
            await db.SaveChangesAsync(ct);
            return;
        }
        var outcome = ApplicationStateMachine.OutcomeOf([.. decisions.Select(d => d!.Value)]);
        await FinishAsync(application, reviewer, ApplicationStatus.UnderReview, outcome, null, ct);
    }

    private async Task<bool> FinishAsync(Application application, ClaimsPrincipal reviewer, ApplicationStatus from, ApplicationStatus outcome, string? note, CancellationToken ct)
    {
        var changed = await db.Applications.Where(a => a.Id == application.Id && a.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, outcome).SetProperty(a => a.UpdatedAt, clock.GetUtcNow()).SetProperty(a => a.Version, a => a.Version + 1), ct);
        if (changed == 0) return false;
        audit.Application(Actor(reviewer), application.Id, application.District, nameof(ApplicationAction.Decide), new { status = from.ToString() }, new { status = outcome.ToString() }, note);
        await notifier.NotifyEnterpriseAsync(application.EnterpriseId, $"审核结果：{application.TrackingNumber} {outcome.DisplayName().Zh}", "审核已完成，请在“我的奖补”查看核定金额与依据。", "/enterprise/awards", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Outcome? SecondStageRefusal(Application application, ClaimsPrincipal reviewer)
    {
        if (application.Status != ApplicationStatus.AwaitingSecondReview)
            return Outcome.Refused($"申报当前为“{application.Status.DisplayName().Zh}”，不在复审阶段", $"The application is '{application.Status.DisplayName().En}', not awaiting second review");
        if (application.FirstStageBy == ReviewerId(reviewer))
            return Outcome.Refused("复审须由初审以外的审核人员办理", "The second review must be done by someone other than the first reviewer");
        return null;
    }

    private Task<bool> DecidedAsync(long claimId, CancellationToken ct) => db.Claims.AnyAsync(c => c.Id == claimId && c.Decision != null, ct);

    private Task<List<ClaimDecision?>> DecisionsAsync(long applicationId, CancellationToken ct) =>
        db.Claims.Where(c => db.Set<Project>().Any(p => p.Id == c.ProjectId && p.ApplicationId == applicationId)).Select(c => c.Decision).ToListAsync(ct);

    private async Task<Outcome> InTransactionAsync(Func<CancellationToken, Task<Outcome>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear(); // a retry starts from the database, never from a stale tracker
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var outcome = await work(token);
            if (!outcome.Ok) return outcome; // not committed: anything charged or changed rolls back
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return outcome;
        }, ct);
    }

    private AuditActor Actor(ClaimsPrincipal reviewer) => AuditActors.For(reviewer, http.HttpContext);

    private static string ReviewerId(ClaimsPrincipal reviewer) => reviewer.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? reviewer.Identity?.Name ?? "";

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

    private static Outcome NotFound() => Outcome.Refused("申报不存在", "No such application");

    private static Outcome NotUnderReview(ApplicationStatus status) => status == ApplicationStatus.Submitted
        ? Outcome.Refused("须先开始审核（含回避声明）", "Start the review (with the conflict declaration) first")
        : Outcome.Refused($"申报当前为“{status.DisplayName().Zh}”，不能再对事项作出决定", $"The application is '{status.DisplayName().En}': its claims cannot be decided now");

    private static Outcome AlreadyDecided() => Outcome.Refused("该事项已由其他审核人员处理（已审结或状态已变化），请刷新查看", "Already decided by another reviewer: reload to see it");
}
