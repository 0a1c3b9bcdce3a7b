using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Enterprises;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>An outcome for the page: done, or why not (bilingual, shown next to the form).</summary>
public sealed record Outcome(bool Ok, BilingualText? Error = null, long? Id = null)
{
    public static Outcome Done(long? id = null) => new(true, null, id);
    public static Outcome Refused(string zh, string en) => new(false, new BilingualText(zh, en));
    public static Outcome Refused(BilingualText error) => new(false, error);
}

/// <summary>
/// What an enterprise does with its applications. Every method loads the application through the enterprise that owns
/// it (another enterprise's id is simply not found), checks the state machine, and writes in one SaveChanges.
/// </summary>
internal sealed class ApplicationService(PortalDbContext db, CatalogStore catalogs, ApplicationLedger ledger, Infrastructure.Notifications.Notifier notifier,
    Infrastructure.Scheduling.ReviewRules rules, Infrastructure.Audit.AuditLog audit, Review.ClaimQuotas quotas, TimeProvider clock)
{
    public Task<Application?> FindAsync(Enterprise owner, long id, CancellationToken ct = default) =>
        db.Applications.Include(a => a.Projects).ThenInclude(p => p.Claims).ThenInclude(c => c.Evidence).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id && a.EnterpriseId == owner.Id, ct);

    public Task<List<Application>> ListAsync(Enterprise owner, CancellationToken ct = default) =>
        db.Applications.AsNoTracking().Include(a => a.Projects).ThenInclude(p => p.Claims).AsSplitQuery()
            .Where(a => a.EnterpriseId == owner.Id).OrderByDescending(a => a.Id).ToListAsync(ct);

    public async Task<ApplicationWindow?> WindowAsync(string district, int year, CancellationToken ct = default)
    {
        var row = await db.PolicyWindows.AsNoTracking().FirstOrDefaultAsync(w => w.District == district && w.Year == year, ct);
        return row is null ? null : new ApplicationWindow(row.Opens, row.Closes);
    }

    /// <summary>A draft for the enterprise's district and this year — or the one it already has (one application a year).</summary>
    /// <remarks>The check and the insert run in one transaction under a lock on the enterprise, so a double click (two
    /// requests at once) finds one draft, not two.</remarks>
    public async Task<Outcome> CreateDraftAsync(Enterprise owner, AuditActor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var year = BeijingTime.DateOf(now).Year;
        var window = await WindowAsync(owner.District, year, ct);
        var expired = Expired((await catalogs.GetActiveAsync(owner.District, ct)).Document, now);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear(); // a retry starts from the database
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.LockAsync($"draft:{owner.Id}", token);
            var existing = await db.Applications.Where(a => a.EnterpriseId == owner.Id && a.District == owner.District && a.Year == year
                    && a.Status != ApplicationStatus.Withdrawn && a.Status != ApplicationStatus.Expired)
                .Select(a => (long?)a.Id).FirstOrDefaultAsync(token);
            if (existing is { } id) return Outcome.Done(id);
            if (window is null || !window.IsOpen(now))
                return Outcome.Refused("本年度申报期未开放，暂不能新建申报", "This year's application window is not open");
            if (expired is not null) return expired;
            var application = new Application
            {
                EnterpriseId = owner.Id, District = owner.District, Year = year, Status = ApplicationStatus.Draft,
                ContactName = owner.ContactName, ContactPhone = owner.ContactPhone, // known from the enterprise file
                CreatedAt = now, UpdatedAt = now,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync(token);
            audit.Application(actor, application.Id, application.District, "Create", null, new { status = nameof(ApplicationStatus.Draft), year = application.Year });
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return Outcome.Done(application.Id);
        }, ct);
    }

    /// <summary>The application's contact; the field → message pairs are empty when saved.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> SaveContactAsync(Application application, string name, string phone, CancellationToken ct = default)
    {
        if (!ApplicationStateMachine.IsEditableByEnterprise(application.Status)) return [("ContactName", NotEditable(application).Error!.Zh)];
        var check = await new Enterprises.ProfileInputValidator().ValidateAsync(new Enterprises.ProfileInput { ContactName = name, ContactPhone = phone }, ct);
        if (!check.IsValid) return [.. check.Errors.Select(e => (e.PropertyName, e.ErrorMessage))];
        application.ContactName = name.Trim();
        application.ContactPhone = phone.Trim();
        Touch(application);
        return await SaveEditAsync(ct) is { Ok: false } refused ? [("ContactName", refused.Error!.Zh)] : [];
    }

    public async Task<Outcome> AddProjectAsync(Application application, string name, string? description, CancellationToken ct = default)
    {
        if (!ApplicationStateMachine.IsEditableByEnterprise(application.Status)) return NotEditable(application);
        name = name.Trim();
        if (name.Length is 0 or > 200) return Outcome.Refused("请输入项目名称（不超过 200 字）", "Enter a project name (at most 200 characters)");
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (description?.Length > 2000) return Outcome.Refused("项目说明不超过 2000 字", "The description is at most 2000 characters");
        if (application.Projects.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
            return Outcome.Refused("已有同名项目", "A project with this name exists");
        application.Projects.Add(new Project { Name = name, Description = description });
        Touch(application);
        return await SaveEditAsync(ct);
    }

    public async Task<Outcome> AddClaimAsync(Application application, long projectId, ClaimDraft draft, CancellationToken ct = default)
    {
        if (!ApplicationStateMachine.IsEditableByEnterprise(application.Status)) return NotEditable(application);
        var project = application.Projects.SingleOrDefault(p => p.Id == projectId);
        if (project is null) return Outcome.Refused("项目不存在", "No such project");
        var catalog = await catalogs.GetActiveAsync(application.District, ct);
        // The engine is the judge of a claim's inputs: a claim it cannot compute is refused with its messages.
        try
        {
            catalog.Engine.Prepare(new CalculationRequest { District = application.District, Year = application.Year, Claims = [draft.ToInput("check", project.Name)] });
        }
        catch (CalculationInputException ex)
        {
            return Outcome.Refused(new BilingualText(string.Join("；", ex.Errors.Select(e => e.MessageZh)), string.Join("; ", ex.Errors.Select(e => e.MessageEn))));
        }
        var part = catalog.Document.Articles.SelectMany(a => a.Parts).Single(p => p.Code == draft.Clause);
        if (!part.Open) return Outcome.Refused("该条款尚未开放申报", "This clause is not open for application");
        project.Claims.Add(new Claim
        {
            Clause = draft.Clause,
            Tier = draft.Tier,
            AmountFen = ToFen(draft.Amount),
            RequestedFen = ToFen(draft.Requested),
            InputsJson = JsonSerializer.Serialize(draft.Inputs),
            AttestationsJson = JsonSerializer.Serialize(part.Attestations.Where(draft.Attested.Contains).ToList()),
        });
        Touch(application);
        return await SaveEditAsync(ct);
    }

    public async Task<Outcome> RemoveClaimAsync(Application application, long claimId, CancellationToken ct = default)
    {
        if (!ApplicationStateMachine.IsEditableByEnterprise(application.Status)) return NotEditable(application);
        var project = application.Projects.SingleOrDefault(p => p.Claims.Any(c => c.Id == claimId));
        if (project is null) return Outcome.Refused("申报事项不存在", "No such claim");
        project.Claims.RemoveAll(c => c.Id == claimId);
        Touch(application);
        return await SaveEditAsync(ct);
    }

    /// <summary>The engine's result for the saved claims, plus an unsaved one being filled in.</summary>
    public async Task<(CalculationResult? Result, IReadOnlyList<CalculationInputError> Errors)> PreviewAsync(Application application, ClaimInput? unsaved, CancellationToken ct = default)
    {
        var catalog = await catalogs.GetActiveAsync(application.District, ct);
        var request = await ledger.BuildAsync(application, catalog.Document, unsaved is null ? null : [unsaved], ct);
        if (request.Claims.Count == 0) return (null, []);
        try
        {
            return (catalog.Engine.Calculate(request), []);
        }
        catch (CalculationInputException ex)
        {
            return (null, ex.Errors);
        }
    }

    /// <summary>
    /// Submits (or resubmits after 补正). The form's one-time key makes a resubmitted form or a double click find the
    /// submission already made; the catalog version and each claim's calculation are frozen with it.
    /// </summary>
    public async Task<Outcome> SubmitAsync(Application application, Guid submissionKey, AuditActor actor, CancellationToken ct = default) =>
        await SubmitAsync(application, submissionKey, actor, proactive: false, ct);

    /// <summary>
    /// 免申即享: the enterprise confirmed an offer. An application with the one claim (its attestations confirmed with the offer)
    /// is made and submitted in one transaction — outside the application window, as the award needs no application — and
    /// goes to review like any other.
    /// </summary>
    public async Task<Outcome> SubmitProactiveAsync(Enterprise owner, ProactiveOffer offer, string projectName, IReadOnlyList<string> attestations, AuditActor actor, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var taken = await db.ProactiveOffers.Where(o => o.Id == offer.Id && o.EnterpriseId == owner.Id && o.Status == ProactiveOfferStatus.Offered)
                .ExecuteUpdateAsync(x => x.SetProperty(o => o.Status, ProactiveOfferStatus.Confirmed).SetProperty(o => o.AnsweredAt, clock.GetUtcNow()), token);
            if (taken == 0) return Outcome.Refused("该项已确认或已放弃", "This offer has already been answered");
            var now = clock.GetUtcNow();
            var application = new Application
            {
                EnterpriseId = owner.Id, District = offer.District, Year = offer.Year, Status = ApplicationStatus.Draft, ContactName = owner.ContactName, ContactPhone = owner.ContactPhone,
                CreatedAt = now, UpdatedAt = now,
                Projects = [new Project { Name = projectName, Claims = [new Claim { Clause = offer.Clause, AttestationsJson = JsonSerializer.Serialize(attestations) }] }],
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync(token);
            audit.Application(actor, application.Id, application.District, "ConfirmOffer", new { offer = offer.Id, status = nameof(ProactiveOfferStatus.Offered) },
                new { offer = offer.Id, status = nameof(ProactiveOfferStatus.Confirmed), clause = offer.Clause }, "免申即享：企业意愿确认");
            var submitted = await SubmitAsync(application, Guid.NewGuid(), actor, proactive: true, token);
            if (!submitted.Ok) return submitted; // rolled back whole: the offer stays open
            await db.ProactiveOffers.Where(o => o.Id == offer.Id).ExecuteUpdateAsync(x => x.SetProperty(o => o.ApplicationId, application.Id), token);
            await tx.CommitAsync(token);
            return Outcome.Done(application.Id);
        }, ct);
    }

    private async Task<Outcome> SubmitAsync(Application application, Guid submissionKey, AuditActor actor, bool proactive, CancellationToken ct)
    {
        if (application.SubmissionKey == submissionKey) return Outcome.Done(application.Id);
        if (await db.Applications.AnyAsync(a => a.SubmissionKey == submissionKey, ct)) return Outcome.Done(application.Id);
        var action = application.Status == ApplicationStatus.ReturnedForSupplement ? ApplicationAction.Resubmit : ApplicationAction.Submit;
        if (!ApplicationStateMachine.TryApply(application.Status, action, ActorRole.Enterprise, out var next, out var error))
            return Outcome.Refused(error);
        var now = clock.GetUtcNow();
        var window = await WindowAsync(application.District, application.Year, ct);
        if (action == ApplicationAction.Submit && !proactive && (window is null || !window.IsOpen(now)))
            return Outcome.Refused("申报期已结束（截止北京时间最后一日 23:59:59），不能提交", "The application window has closed (23:59:59 Beijing time on its last day)");
        if (action == ApplicationAction.Resubmit && application.SupplementDeadline is { } due && now > due)
            return Outcome.Refused("补正期限已过，不能再提交", "The deadline for the supplement has passed");
        var claims = application.Projects.SelectMany(p => p.Claims).ToList();
        if (claims.Count == 0) return Outcome.Refused("请至少添加一个项目和一项申报事项", "Add at least one project with one claim");

        var catalog = await catalogs.GetActiveAsync(application.District, ct);
        // A policy past its validity takes no new applications; one returned for supplement may still be answered.
        if (action == ApplicationAction.Submit && Expired(catalog.Document, now) is { } expired) return expired;
        var parts = catalog.Document.Articles.SelectMany(a => a.Parts).ToDictionary(p => p.Code, StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            var ticked = JsonSerializer.Deserialize<List<string>>(claim.AttestationsJson) ?? [];
            var missing = parts[claim.Clause].Attestations.Where(a => !ticked.Contains(a)).ToList();
            if (missing.Count > 0)
                return Outcome.Refused($"{claim.Clause} 尚需确认：{string.Join("；", missing)}", $"{claim.Clause} still needs confirming: {string.Join("; ", missing)}");
        }

        var request = await ledger.BuildAsync(application, catalog.Document, ct: ct);
        var result = catalog.Engine.Calculate(request);
        foreach (var claim in claims)
        {
            var r = result.Find(ApplicationLedger.EngineId(claim.Id))!.Value;
            claim.FrozenEligibleFen = r.EligibleFen;
            claim.FrozenGrantedFen = r.GrantedFen;
            claim.FrozenExplanationJson = JsonSerializer.Serialize(new { zh = r.ExplanationLines(ExplanationLanguage.Chinese), en = r.ExplanationLines(ExplanationLanguage.English) });
            claim.Version++;
        }
        var from = application.Status;
        application.Status = next;
        application.CatalogVersion = catalog.Version;
        application.SubmissionKey = submissionKey;
        application.SubmittedAt = now;
        application.FrozenTotalFen = result.TotalGrantedFen;
        var calendar = await rules.CalendarAsync(ct);
        var policy = await rules.ForAsync(application.District, ct);
        application.ReviewDueDay = DayNumber.Of(calendar.AddWorkingDays(BeijingTime.DateOf(now), policy.ReviewWorkingDays));
        application.ReminderSentAt = null;
        application.EscalatedAt = null;
        application.SupplementDeadline = null;
        Touch(application);
        var numbered = application.TrackingNumber; // a resubmission keeps its number
        var pending = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        try
        {
            // The number is taken from the district-year's counter row, and everything saved, in one transaction: the row's lock
            // orders concurrent submissions (consecutive numbers), and a submission that fails rolls its number back (no gap).
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                foreach (var stale in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !pending.Contains(e.Entity)).ToList())
                    stale.State = EntityState.Detached; // the audit entry and notice of a failed attempt: a retry adds its own
                var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(token) : null; // the proactive path brings its own
                await using (own)
                {
                    application.TrackingNumber = numbered ?? await NextTrackingNumberAsync(application, token);
                    await RecordSubmissionAsync(application, action, from, next, catalog.Version, result, claims, actor, token);
                    await db.SaveChangesAsync(token);
                    if (own is not null) await own.CommitAsync(token);
                }
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request submitted this application first (a double click on two tabs): that submission stands.
            db.ChangeTracker.Clear();
            return Outcome.Done(application.Id);
        }
        return Outcome.Done(application.Id);
    }

    private async Task RecordSubmissionAsync(Application application, ApplicationAction action, ApplicationStatus from, ApplicationStatus next, int catalogVersion,
        CalculationResult result, List<Claim> claims, AuditActor actor, CancellationToken ct)
    {
        audit.Application(actor, application.Id, application.District, action.ToString(), new { status = from.ToString() },
            new
            {
                status = next.ToString(), trackingNumber = application.TrackingNumber, catalogVersion, frozenTotalFen = result.TotalGrantedFen,
                reviewDue = DayNumber.Format(application.ReviewDueDay.GetValueOrDefault()), claims = claims.Select(c => new { c.Id, c.Clause, c.FrozenGrantedFen }),
            },
            $"受理编号 {application.TrackingNumber}；测算合计 ¥{result.TotalGranted:N2}；政策版本 v{catalogVersion}");
        await NotifyOwnerAsync(application, $"申报已受理：{application.TrackingNumber}",
            $"您的申报已{(action == ApplicationAction.Resubmit ? "补正后重新提交" : "提交")}，受理编号 {application.TrackingNumber}，测算金额合计 {result.TotalGranted:N2} 元（以审核核定为准）。", ct);
    }

    /// <summary>
    /// Withdraws before a decision. Approvals already made at the first stage are voided and their quota given back, in the
    /// same transaction as the status change.
    /// </summary>
    public async Task<Outcome> WithdrawAsync(Application application, AuditActor actor, CancellationToken ct = default)
    {
        if (!ApplicationStateMachine.TryApply(application.Status, ApplicationAction.Withdraw, ActorRole.Enterprise, out var next, out var error))
            return Outcome.Refused(error);
        var from = application.Status;
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var changed = await db.Applications.Where(a => a.Id == application.Id && a.Status == from && a.Version == application.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next).SetProperty(a => a.UpdatedAt, clock.GetUtcNow()).SetProperty(a => a.Version, a => a.Version + 1), token);
            if (changed == 0) return Outcome.Refused("该申报的状态刚刚发生变化，请刷新后再试", "The application changed meanwhile; reload and try again");
            var voided = await quotas.VoidDecisionsAsync(application.Id, application.District, actor, "企业撤回申报", token);
            audit.Application(actor, application.Id, application.District, nameof(ApplicationAction.Withdraw), new { status = from.ToString() }, new { status = next.ToString() },
                voided > 0 ? $"已作出的 {voided} 项初审决定随撤回作废" : null);
            await NotifyOwnerAsync(application, "申报已撤回", $"您已撤回{(application.TrackingNumber is { } n ? $"受理编号为 {n} 的" : "")}申报。", token);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return Outcome.Done();
        }, ct);
        return outcome;
    }

    public Task<List<AuditEntry>> TimelineAsync(long applicationId, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Where(e => e.ApplicationId == applicationId).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>
    /// The district-year's next 受理编号 from its counter row: one atomic UPDATE … RETURNING, so concurrent submissions get
    /// distinct numbers and none counts the applications (counting raced — two submissions took the same number and one failed
    /// on the unique index — and scanned every number of the year). The row lock lasts that one statement (or the caller's
    /// transaction: on submission, until commit, so a submission that fails gives its number back).
    /// </summary>
    private async Task<string> NextTrackingNumberAsync(Application application, CancellationToken ct)
    {
        var next = await TakeTrackingNumberAsync(application, ct);
        if (next is null)
        {
            // The district-year's first number since the counter exists: start after those already given.
            var prefix = $"{TrackingNumber.PrefixOf(application.District)}-{application.Year}-";
            var taken = await db.Applications.Where(a => a.TrackingNumber != null && a.TrackingNumber.StartsWith(prefix)).CountAsync(ct);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"TrackingCounters\" (\"District\", \"Year\", \"Last\") VALUES ({application.District}, {application.Year}, {(long)taken}) ON CONFLICT DO NOTHING", ct);
            next = await TakeTrackingNumberAsync(application, ct);
        }
        // The unique index on TrackingNumber stays the backstop.
        return TrackingNumber.Create(application.District, application.Year, next!.Value).Value;
    }

    private async Task<long?> TakeTrackingNumberAsync(Application application, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>(
                $"UPDATE \"TrackingCounters\" SET \"Last\" = \"Last\" + 1 WHERE \"District\" = {application.District} AND \"Year\" = {application.Year} RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(ct)) is [var value] ? value : null;

    private Task NotifyOwnerAsync(Application application, string title, string body, CancellationToken ct) =>
        notifier.NotifyEnterpriseAsync(application.EnterpriseId, title, body, $"/enterprise/applications/{application.Id}", ct);

    /// <summary>
    /// Saves an edit of a draft. The application's version is its concurrency token: when another request (a second tab,
    /// a double click) changed it since this one loaded it, nothing is written and the person is asked to reload.
    /// </summary>
    private async Task<Outcome> SaveEditAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused("该申报刚刚在别处（可能是另一个窗口）被修改，本次未保存：请刷新页面后重试", "The application was changed elsewhere (another tab?) meanwhile and this change was not saved: reload and try again");
        }
    }

    private void Touch(Application application)
    {
        application.UpdatedAt = clock.GetUtcNow();
        application.Version++;
    }

    private static Outcome? Expired(Domain.Catalog.PolicyDocument doc, DateTimeOffset now) =>
        Domain.Catalog.PolicyValidity.IsInForce(doc, BeijingTime.DateOf(now)) ? null : Outcome.Refused(
            $"该政策不在有效期内（{doc.ValidFrom:yyyy-MM-dd} 至 {doc.ValidTo:yyyy-MM-dd}），不再受理新的申报", $"The policy is not in force ({doc.ValidFrom:yyyy-MM-dd} to {doc.ValidTo:yyyy-MM-dd}): no new applications");

    private static Outcome NotEditable(Application application) => Outcome.Refused(
        $"当前状态（{application.Status.DisplayName().Zh}）不能修改", $"An application that is {application.Status.DisplayName().En} cannot be changed");

    private static long? ToFen(decimal? yuan) => yuan is { } y ? (long)Math.Round(y * 100m, MidpointRounding.AwayFromZero) : null;
}
