using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Data.Notices;
using PolicyPortal.Infrastructure.Scheduling;
using PolicyPortal.Web.Features.Applications;
using PolicyPortal.Web.Features.Audit;

namespace PolicyPortal.Web.Features.Admin.Notices;

/// <summary>One award on a notice list (the live list, or a published notice's line).</summary>
/// <param name="Contact">On the live list only (the administrators'), name and masked phone; a published notice names no contact.</param>
public sealed record NoticeRow(int Position, long ClaimId, long ApplicationId, string? TrackingNumber, string EnterpriseName, string CreditCode,
    string Project, string Clause, string ClauseTitle, long AmountFen, string? Contact = null)
{
    public static NoticeRow From(NoticeLine l) =>
        new(l.Position, l.ClaimId, l.ApplicationId, l.TrackingNumber, l.EnterpriseName, l.CreditCode, l.Project, l.Clause, l.ClauseTitle, l.AmountFen);
}

/// <summary>
/// The 公示名单 of a district policy and year. The live list is every approved claim of the applications decided so far
/// (已通过 or 部分通过); publishing freezes it as a new notice (第 N 期) with a notice period of 5–30 working days, counted
/// like review deadlines (Monday to Friday, minus the administrators' holidays, plus make-up working days) from the day after
/// publication. A published notice is never changed or withdrawn; a later one supersedes it.
/// </summary>
internal sealed class NoticeBoard(PortalDbContext db, CatalogStore catalogs, ReviewRules rules, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const int MinDays = 5;
    public const int MaxDays = 30;
    public const int DefaultDays = 7;

    private static readonly ApplicationStatus[] Decided = [ApplicationStatus.Approved, ApplicationStatus.PartiallyApproved];

    /// <summary>What would be published now: approved awards of decided applications, in application then claim order.</summary>
    public async Task<List<NoticeRow>> LiveAsync(string district, int year, CancellationToken ct = default)
    {
        var rows = await (from c in db.Claims
                          join p in db.Set<Project>() on c.ProjectId equals p.Id
                          join a in db.Applications on p.ApplicationId equals a.Id
                          join e in db.Enterprises on a.EnterpriseId equals e.Id
                          where a.District == district && a.Year == year && Decided.Contains(a.Status)
                                && c.Decision == ClaimDecision.Approved && c.ApprovedFen > 0
                          orderby a.Id, c.Id
                          select new { ClaimId = c.Id, ApplicationId = a.Id, a.TrackingNumber, e.Name, e.CreditCode, Project = p.Name, c.Clause, Fen = c.ApprovedFen!.Value, a.ContactName, a.ContactPhone })
            .AsNoTracking().ToListAsync(ct);
        var doc = (await catalogs.GetActiveAsync(district, ct)).Document;
        var titles = doc.Articles.SelectMany(a => a.Parts.Select(p => (p.Code, Title: $"{a.Label} {p.Title}"))).ToDictionary(x => x.Code, x => x.Title, StringComparer.Ordinal);
        return [.. rows.Select((r, i) => new NoticeRow(i + 1, r.ClaimId, r.ApplicationId, r.TrackingNumber, r.Name, r.CreditCode, r.Project, r.Clause,
            titles.GetValueOrDefault(r.Clause, ""), r.Fen, Domain.Enterprises.ContactMask.Person(r.ContactName, r.ContactPhone)))];
    }

    /// <summary>The notice in force (the latest 期) with its lines, or null.</summary>
    public async Task<Notice?> CurrentAsync(string district, int year, CancellationToken ct = default)
    {
        var notice = await db.Notices.AsNoTracking().Where(n => n.District == district && n.Year == year)
            .OrderByDescending(n => n.Sequence).FirstOrDefaultAsync(ct);
        if (notice is not null)
            notice.Lines = await db.NoticeLines.AsNoTracking().Where(l => l.NoticeId == notice.Id).OrderBy(l => l.Position).ToListAsync(ct);
        return notice;
    }

    /// <summary>Every notice of the district and year, latest first, without lines.</summary>
    public Task<List<Notice>> HistoryAsync(string district, int year, CancellationToken ct = default) =>
        db.Notices.AsNoTracking().Where(n => n.District == district && n.Year == year).OrderByDescending(n => n.Sequence).ToListAsync(ct);

    /// <summary>Today in Beijing as yyyyMMdd: a notice is running while this is at most its last day.</summary>
    public int Today => DayNumber.Of(BeijingTime.DateOf(clock.GetUtcNow()));

    /// <summary>Freezes the live list as the next notice, with its period, and audits it — in one transaction.</summary>
    public async Task<Outcome> PublishAsync(ClaimsPrincipal admin, string district, int year, int periodDays, CancellationToken ct = default)
    {
        if (AdminScope.Resolve(admin, district) != district) return Outcome.Refused("无权发布该区的公示名单", "No such district");
        if (periodDays is < MinDays or > MaxDays)
            return Outcome.Refused($"公示期须为 {MinDays}–{MaxDays} 个工作日", $"The notice period must be {MinDays} to {MaxDays} working days");
        var calendar = await rules.CalendarAsync(ct);
        var actor = AuditActors.For(admin, http.HttpContext);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var lines = await LiveAsync(district, year, token);
            if (lines.Count == 0) return Outcome.Refused("本年度尚无已决定的核定奖补，无可公示内容", "Nothing has been approved and decided this year: there is nothing to publish");
            var previous = await db.Notices.AsNoTracking().Where(n => n.District == district && n.Year == year).OrderByDescending(n => n.Sequence).FirstOrDefaultAsync(token);
            if (previous is not null)
            {
                // Nothing new (also a double click): a notice identical to the one in force would only restart its period.
                var published = await db.NoticeLines.AsNoTracking().Where(l => l.NoticeId == previous.Id).Select(l => new { l.ClaimId, l.AmountFen }).ToListAsync(token);
                if (published.Count == lines.Count && published.All(p => lines.Any(l => l.ClaimId == p.ClaimId && l.AmountFen == p.AmountFen)))
                    return Outcome.Refused($"当前名单与现行第 {previous.Sequence} 期公示相同，无需重新发布", $"The list is the same as notice No. {previous.Sequence} in force: nothing to publish");
            }
            var now = clock.GetUtcNow();
            var today = BeijingTime.DateOf(now);
            var notice = new Notice
            {
                District = district, Year = year, Sequence = (previous?.Sequence ?? 0) + 1, PublishedAt = now, PublishedBy = actor.Name,
                StartsDay = DayNumber.Of(today), EndsDay = DayNumber.Of(calendar.AddWorkingDays(today, periodDays)), PeriodDays = periodDays,
                LineCount = lines.Count, TotalFen = lines.Sum(l => l.AmountFen),
                Lines = [.. lines.Select(l => new NoticeLine
                {
                    Position = l.Position, ClaimId = l.ClaimId, ApplicationId = l.ApplicationId, TrackingNumber = l.TrackingNumber,
                    EnterpriseName = Clip(l.EnterpriseName, 200), CreditCode = Clip(l.CreditCode, 18), Project = Clip(l.Project, 200),
                    Clause = Clip(l.Clause, 64), ClauseTitle = Clip(l.ClauseTitle, 500), AmountFen = l.AmountFen,
                })],
            };
            db.Notices.Add(notice);
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException)
            {
                // The unique (district, year, 期) index: another administrator published this 期 a moment ago.
                return Outcome.Refused("另一位管理员刚刚发布了本期公示，请刷新后查看", "Another administrator has just published this notice: reload");
            }
            audit.Add(actor, "Notice", notice.Id.ToString(CultureInfo.InvariantCulture), "PublishNotice",
                previous is null ? null : new { sequence = previous.Sequence, lineCount = previous.LineCount, totalFen = previous.TotalFen, endsDay = previous.EndsDay },
                new { year, sequence = notice.Sequence, lineCount = notice.LineCount, totalFen = notice.TotalFen, startsDay = notice.StartsDay, endsDay = notice.EndsDay,
                    periodDays, claims = lines.Select(l => l.ClaimId) },
                $"发布 {year} 年度公示名单第 {notice.Sequence} 期：{notice.LineCount} 项，合计 ¥{notice.TotalFen / 100m:N2}；公示期 {DayNumber.Format(notice.StartsDay)} 至 {DayNumber.Format(notice.EndsDay)}（{periodDays} 个工作日）"
                    + (previous is null ? "" : $"；替代第 {previous.Sequence} 期"),
                district: district);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return Outcome.Done(notice.Id);
        }, ct);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
