using PolicyPortal.Domain.Enterprises;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Review;

/// <summary>The queue's filters as the query string gives them.</summary>
public sealed record QueueFilter(string Status, string? Clause, string? Search, decimal? MinWan, decimal? MaxWan, bool Overdue, string Sort, string? After)
{
    public static QueueFilter Read(IQueryCollection q)
    {
        static decimal? Wan(string? s) => decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v >= 0 && v < 10_000_000_000m ? v : null;
        var sort = q["sort"].ToString() is "newest" or "amount" ? q["sort"].ToString() : "oldest";
        var status = q["status"].ToString() is { Length: > 0 } st ? st : "pending";
        return new QueueFilter(status, Empty(q["clause"]), Empty(q["q"]), Wan(q["min"]), Wan(q["max"]), q["overdue"] == "1", sort, Empty(q["after"]));
    }

    private static string? Empty(Microsoft.Extensions.Primitives.StringValues v) => v.ToString().Trim() is { Length: > 0 } s ? s : null;
}

/// <summary>One row of the queue.</summary>
/// <param name="Contact">The application's contact, name and masked phone: the full number is on the desk only.</param>
public sealed record QueueRow(long Id, string? TrackingNumber, string District, string Enterprise, string CreditCode, ApplicationStatus Status,
    DateTimeOffset? SubmittedAt, long? TotalFen, int? DueDay, string Contact = "");

/// <summary>
/// The review queue: only the reviewer's district (a portal-wide admin sees all), filtered, sorted, and paged by key
/// (the last row's sort key and id), so page 5,000 costs what page 1 costs.
/// </summary>
internal sealed class ReviewQueue(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    private static readonly ApplicationStatus[] Pending = [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.AwaitingSecondReview, ApplicationStatus.ReturnedForSupplement];

    /// <summary>The district a user may review, or null for all (portal-wide admin); throws for anyone else.</summary>
    public static string? ScopeOf(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Reviewer) || user.IsInRole(PortalRoles.Admin)
            ? user.FindFirst(PortalRoles.DistrictClaim)?.Value
            : throw new UnauthorizedAccessException();

    public async Task<(IReadOnlyList<QueueRow> Rows, string? Next)> PageAsync(ClaimsPrincipal user, QueueFilter filter, CancellationToken ct = default)
    {
        var rows = await Query(user, filter).ToListAsync(ct);
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            var last = rows[^1];
            next = filter.Sort == "amount" ? $"{last.TotalFen ?? 0}_{last.Id}" : last.Id.ToString(CultureInfo.InvariantCulture);
        }
        return (rows, next);
    }

    /// <summary>
    /// The page's query: one row more than a page, to know whether there is a next one. Apart so that the benchmark's raw
    /// Npgsql twin can be proven to run exactly this SQL (ReferenceQueries).
    /// </summary>
    public IQueryable<QueueRow> Query(ClaimsPrincipal user, QueueFilter filter)
    {
        var district = ScopeOf(user);
        var q = db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft);
        if (district is not null) q = q.Where(a => a.District == district);
        if (filter.Status == "pending") q = q.Where(a => Pending.Contains(a.Status));
        else if (Enum.TryParse<ApplicationStatus>(filter.Status, out var status)) q = q.Where(a => a.Status == status);
        if (filter.Clause is { } clause)
            q = q.Where(a => db.Set<Project>().Any(p => p.ApplicationId == a.Id && p.Claims.Any(c => c.Clause == clause)));
        if (filter.Search is { } text)
        {
            var code = text.ToUpperInvariant();
            q = q.Where(a => db.Enterprises.Any(e => e.Id == a.EnterpriseId && (e.Name.Contains(text) || e.CreditCode == code)) || a.TrackingNumber == code);
        }
        // Converted here, not inside the lambda: EF Core evaluates a computation over a captured value by compiling it, on
        // every request; a plain captured value it reads directly.
        if (filter.MinWan is { } min)
        {
            var minFen = (long)(min * 1_000_000m);
            q = q.Where(a => a.FrozenTotalFen >= minFen);
        }
        if (filter.MaxWan is { } max)
        {
            var maxFen = (long)(max * 1_000_000m);
            q = q.Where(a => a.FrozenTotalFen <= maxFen);
        }
        if (filter.Overdue)
        {
            // Overdue: still pending, and its due day (23:59:59 Beijing time) is before today.
            var today = DayNumber.Of(BeijingTime.DateOf(clock.GetUtcNow()));
            q = q.Where(a => Pending.Contains(a.Status) && a.ReviewDueDay < today);
        }

        q = filter.Sort switch
        {
            "newest" => After(q, filter.After, byAmount: false, descending: true).OrderByDescending(a => a.Id),
            "amount" => After(q, filter.After, byAmount: true, descending: true).OrderByDescending(a => a.FrozenTotalFen).ThenByDescending(a => a.Id),
            _ => After(q, filter.After, byAmount: false, descending: false).OrderBy(a => a.Id),
        };

        return (from a in q
                join e in db.Enterprises on a.EnterpriseId equals e.Id
                // Masked in the projection (evaluated as the rows are read), so the list never holds a full number.
                select new QueueRow(a.Id, a.TrackingNumber, a.District, e.Name, e.CreditCode, a.Status, a.SubmittedAt, a.FrozenTotalFen, a.ReviewDueDay,
                    ContactMask.Person(a.ContactName, a.ContactPhone)))
            .Take(PageSize + 1);
    }

    private static IQueryable<Application> After(IQueryable<Application> q, string? after, bool byAmount, bool descending)
    {
        if (after is null) return q;
        if (!byAmount)
        {
            if (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return q;
            return descending ? q.Where(a => a.Id < id) : q.Where(a => a.Id > id);
        }
        var parts = after.Split('_');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var fen)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lastId)) return q;
        return q.Where(a => (a.FrozenTotalFen ?? 0) < fen || ((a.FrozenTotalFen ?? 0) == fen && a.Id < lastId));
    }
}
