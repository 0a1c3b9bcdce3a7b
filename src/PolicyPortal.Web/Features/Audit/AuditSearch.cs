using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Audit;

/// <summary>
/// The audit viewer's filter, as the query string carries it: actor (user name, exact), district ("-": entries without one),
/// entity type and id (exact), action (exact), a Beijing-date range (inclusive), and the keyset cursor (entries older than
/// <see cref="Before"/>).
/// </summary>
public sealed record AuditFilter(string? Actor, string? District, string? Entity, string? EntityId, string? Action, DateOnly? From, DateOnly? To, long? Before)
{
    public static AuditFilter Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(Text(query["actor"]), Text(query["district"]), Text(query["entity"]), Text(query["entityId"]), Text(query["action"]),
            Day(query["from"]), Day(query["to"]),
            long.TryParse(query["before"], NumberStyles.None, CultureInfo.InvariantCulture, out var before) ? before : null);
    }

    /// <summary>The filter as a query string (without the cursor unless asked), for the next page and the export link.</summary>
    public string ToQuery(long? before = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("actor", Actor); Add("district", District); Add("entity", Entity); Add("entityId", EntityId); Add("action", Action);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("before", before?.ToString(CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 128)];

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>
/// Reads the audit log for the audit viewer and its export. Who sees what: a portal-wide auditor or administrator (no district)
/// every entry; an auditor or administrator of a district only the entries filed under that district (not portal-wide ones).
/// Nothing here writes except the record of an export: the log is append-only in the database as well.
/// </summary>
internal sealed class AuditSearch(PortalDbContext db)
{
    public const int PageSize = 50;
    public const int MaxExport = 100_000;

    public static bool MayRead(ClaimsPrincipal user) => user.IsInRole(PortalRoles.Auditor) || user.IsInRole(PortalRoles.Admin);

    /// <summary>The one district the user reads, or null for all (portal-wide).</summary>
    public static string? DistrictOf(ClaimsPrincipal user) => user.FindFirst(PortalRoles.DistrictClaim)?.Value;

    /// <summary>Is the filter's district one the user may ask for? (A district reader may name only their own.)</summary>
    public static bool Allows(ClaimsPrincipal user, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!MayRead(user)) return false;
        if (filter.District is null) return true;
        var own = DistrictOf(user);
        return own is null ? filter.District == "-" || Districts.IsKnown(filter.District) : filter.District == own;
    }

    /// <summary>One page, newest first, and whether there is an older page.</summary>
    public async Task<(List<AuditEntry> Entries, bool More)> PageAsync(ClaimsPrincipal user, AuditFilter filter, CancellationToken ct = default)
    {
        var q = Query(user, filter);
        if (filter.Before is { } before) q = q.Where(e => e.Id < before);
        var rows = await q.OrderByDescending(e => e.Id).Take(PageSize + 1).AsNoTracking().ToListAsync(ct);
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    /// <summary>Every matching entry (newest first, at most <see cref="MaxExport"/>), streamed.</summary>
    public IAsyncEnumerable<AuditEntry> ExportAsync(ClaimsPrincipal user, AuditFilter filter) =>
        Query(user, filter).OrderByDescending(e => e.Id).Take(MaxExport).AsNoTracking().AsAsyncEnumerable();

    private IQueryable<AuditEntry> Query(ClaimsPrincipal user, AuditFilter f)
    {
        var q = ByTime(f.From, f.To);
        if (DistrictOf(user) is { } own) q = q.Where(e => e.District == own);
        if (f.District == "-") q = q.Where(e => e.District == null);
        else if (f.District is { } district) q = q.Where(e => e.District == district);
        if (f.Actor is { } actor) q = q.Where(e => e.Actor == actor);
        if (f.Entity is { } entity) q = q.Where(e => e.Entity == entity);
        if (f.EntityId is { } entityId) q = q.Where(e => e.EntityId == entityId);
        if (f.Action is { } action) q = q.Where(e => e.Action == action);
        return q;
    }

    /// <summary>
    /// Entries from the start of <paramref name="from"/> to the end of <paramref name="to"/>, Beijing time. On SQLite a
    /// DateTimeOffset is stored as text that EF will not compare; every entry is written in UTC ("…+00:00"), so there the text
    /// order is the time order and the range is compared as text.
    /// </summary>
    private IQueryable<AuditEntry> ByTime(DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null) return db.AuditEntries;
        var start = from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), BeijingTime.Offset).ToUniversalTime() : DateTimeOffset.UnixEpoch;
        var end = to is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), BeijingTime.Offset).ToUniversalTime() : new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
        if (db.Database.IsNpgsql()) return db.AuditEntries.Where(e => e.At >= start && e.At < end);
        var startText = start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";
        var endText = end.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";
        return db.AuditEntries.FromSql($"SELECT * FROM \"AuditEntries\" WHERE \"At\" >= {startText} AND \"At\" < {endText}");
    }
}
