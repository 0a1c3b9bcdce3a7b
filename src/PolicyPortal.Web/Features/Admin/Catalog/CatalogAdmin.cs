using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Notifications;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Features.Admin.Catalog;

/// <summary>
/// Catalog versions under maker-checker: an administrator proposes a new version (from the clause editor or an imported
/// file) with a reason and an effective day; a second administrator of the district approves or rejects it — never the
/// maker. Approval is refused if another version took effect since the proposal was made (no lost update). Applications
/// keep the version they were submitted under; drafts and new submissions use the version in force.
/// </summary>
internal sealed class CatalogAdmin(PortalDbContext db, CatalogStore catalogs, AuditLog audit, Notifier notifier, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<Outcome> ProposeAsync(ClaimsPrincipal admin, string district, int basedOn, PolicyDocument proposed, DateOnly effective, string reason, CancellationToken ct = default)
    {
        if (!AdminScope.Manages(admin, district)) return Outcome.Refused("无权管理该区政策", "You do not manage this district");
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Refused("请填写修改理由", "Give the reason for the change");
        if (!string.Equals(proposed.District, district, StringComparison.Ordinal)) return Outcome.Refused($"文件属于 {proposed.District}，不是 {district}", $"The catalog is for {proposed.District}, not {district}");
        var today = BeijingTime.DateOf(clock.GetUtcNow());
        if (effective < today) return Outcome.Refused("生效日期不能早于今天", "The effective date cannot be in the past");
        var errors = CatalogValidator.Validate(proposed);
        if (errors.Count > 0) return Outcome.Refused($"政策目录校验未通过：{string.Join("；", errors.Take(5))}", $"The catalog is not valid: {string.Join("; ", errors.Take(5))}");
        var current = await catalogs.GetVersionAsync(district, basedOn, ct);
        var differences = CatalogEdit.Differences(current.Document, proposed);
        if (differences.Count == 0 && CatalogJson.Write(current.Document) == CatalogJson.Write(proposed))
            return Outcome.Refused("与当前版本相比没有任何改动", "Nothing differs from the current version");

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var next = await db.CatalogVersions.Where(v => v.District == district).MaxAsync(v => v.Version, token) + 1;
            var version = new CatalogVersion
            {
                District = district, Version = next, Status = CatalogVersionStatus.Pending, Json = CatalogJson.Write(proposed), Reason = reason.Trim()[..Math.Min(reason.Trim().Length, 1000)],
                CreatedBy = admin.Identity?.Name ?? "", CreatedById = AdminScope.UserId(admin), CreatedAt = clock.GetUtcNow(), BasedOn = basedOn, EffectiveDay = DayNumber.Of(effective),
            };
            db.CatalogVersions.Add(version);
            audit.Add(Actor(admin), "Catalog", $"{district}/v{next}", "ProposeVersion", new { version = basedOn }, new { version = next, effective = effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), differences = differences.Select(d => d.Zh) },
                reason.Trim(), district: district);
            await db.SaveChangesAsync(token); // the unique (District, Version) index refuses a concurrent proposal with the same number: retried by the admin
            await tx.CommitAsync(token);
            return Outcome.Done(version.Id);
        }, ct);
    }

    public async Task<Outcome> ApproveAsync(ClaimsPrincipal admin, long versionId, string? note, CancellationToken ct = default)
    {
        var version = await db.CatalogVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null || !AdminScope.Manages(admin, version.District)) return Outcome.Refused("版本不存在", "No such version");
        if (version.Status != CatalogVersionStatus.Pending) return Outcome.Refused("该版本已处理", "This version has already been decided");
        if (version.CreatedById == AdminScope.UserId(admin)) return Outcome.Refused("不能审批自己提交的修改，须由另一名管理员审批", "You cannot approve your own change: another administrator must");
        var inForce = await catalogs.GetActiveAsync(version.District, ct);
        if (version.BasedOn is { } basis && basis != inForce.Version && await db.CatalogVersions.AnyAsync(v => v.District == version.District && v.Version > basis
                && (v.Status == CatalogVersionStatus.Active || v.Status == CatalogVersionStatus.Scheduled), ct))
            return Outcome.Refused($"该修改基于 v{basis}，此后已有其他版本生效，请驳回后基于最新版本重新编辑", $"This change was made from v{basis}; another version has been approved since: reject it and edit the latest");
        var today = DayNumber.Of(BeijingTime.DateOf(clock.GetUtcNow()));
        var effectiveNow = version.EffectiveDay <= today;
        var status = effectiveNow ? CatalogVersionStatus.Active : CatalogVersionStatus.Scheduled;
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var changed = await db.CatalogVersions.Where(v => v.Id == versionId && v.Status == CatalogVersionStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, status).SetProperty(v => v.DecidedBy, admin.Identity!.Name)
                    .SetProperty(v => v.DecidedAt, clock.GetUtcNow()).SetProperty(v => v.DecisionNote, note), token);
            if (changed == 0) return Outcome.Refused("该版本已处理", "This version has already been decided");
            if (effectiveNow)
                await db.CatalogVersions.Where(v => v.District == version.District && v.Version < version.Version && v.Status == CatalogVersionStatus.Active)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, CatalogVersionStatus.Superseded), token);
            var differences = CatalogEdit.Differences(inForce.Document, CatalogJson.Parse(version.Json));
            audit.Add(Actor(admin), "Catalog", $"{version.District}/v{version.Version}", "ApproveVersion", new { status = nameof(CatalogVersionStatus.Pending), inForce = inForce.Version },
                new { status = status.ToString(), effective = DayNumber.Format(version.EffectiveDay), differences = differences.Select(d => d.Zh) }, note, district: version.District);
            await NotifySubscribersAsync(version.District, version.Version, version.EffectiveDay, differences, token);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return Outcome.Done(version.Id);
        }, ct);
        if (outcome.Ok) catalogs.Invalidate(version.District);
        return outcome;
    }

    public async Task<Outcome> RejectAsync(ClaimsPrincipal admin, long versionId, string note, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(note)) return Outcome.Refused("驳回须说明理由", "Give the reason for rejecting");
        var version = await db.CatalogVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null || !AdminScope.Manages(admin, version.District)) return Outcome.Refused("版本不存在", "No such version");
        var changed = await db.CatalogVersions.Where(v => v.Id == versionId && v.Status == CatalogVersionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, CatalogVersionStatus.Rejected).SetProperty(v => v.DecidedBy, admin.Identity!.Name)
                .SetProperty(v => v.DecidedAt, clock.GetUtcNow()).SetProperty(v => v.DecisionNote, note.Trim()), ct);
        if (changed == 0) return Outcome.Refused("该版本已处理", "This version has already been decided");
        audit.Add(Actor(admin), "Catalog", $"{version.District}/v{version.Version}", "RejectVersion", new { status = nameof(CatalogVersionStatus.Pending) },
            new { status = nameof(CatalogVersionStatus.Rejected) }, note.Trim(), district: version.District);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(version.Id);
    }

    /// <summary>Subscribers of the district, or of a clause that changed, hear of it in their inbox.</summary>
    private async Task NotifySubscribersAsync(string district, int version, int effectiveDay, IReadOnlyList<CatalogDifference> differences, CancellationToken ct)
    {
        var clauses = differences.Select(d => d.Subject).Where(c => c.StartsWith(district + ".", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var users = await db.Subscriptions.AsNoTracking().Where(s => s.District == district && (s.Clause == null || clauses.Contains(s.Clause)))
            .Select(s => s.UserId).Distinct().ToListAsync(ct);
        foreach (var user in users)
            await notifier.NotifyAsync(user, $"政策条款调整：{district} v{version}", $"自 {DayNumber.Format(effectiveDay)} 起：{string.Join("；", differences.Take(10).Select(d => d.Zh))}", "/enterprise/matches", ct);
    }

    private AuditActor Actor(ClaimsPrincipal admin) => AuditActors.For(admin, http.HttpContext);
}
