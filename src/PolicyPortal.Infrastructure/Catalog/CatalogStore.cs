using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Catalog;

/// <summary>The catalog as the portal uses it: a district's active version and its engine.</summary>
public sealed record ActiveCatalog(string District, int Version, PolicyDocument Document, CalculationEngine Engine);

/// <summary>
/// Loads each district's catalog in force from the database and keeps one compiled engine per version (an engine is built
/// once and is thread-safe). The version in force is the highest approved one whose effective day (Beijing) has come.
/// Seeds version 1 of every district from the shipped files on first start.
/// </summary>
/// <remarks>
/// The store reads through contexts of its own (<paramref name="openContext"/>), on a connection pool of its own: it is
/// called from inside the requests' transactions, each of which already holds a connection of the main pool. Were it to
/// borrow from that pool, a cold cache under load (first requests after start, the 30-second recheck, midnight) would
/// have every pooled connection held by a transaction waiting for a catalog read that waits for a pooled connection —
/// a deadlock until the pool's timeout (seen with 50 concurrent approvals on a 50-connection pool).
/// </remarks>
public sealed class CatalogStore(Func<PortalDbContext> openContext, TimeProvider clock)
{
    /// <summary>How long an instance trusts its cached answer to "which version is in force" before asking the database again
    /// (another instance may have approved a change meanwhile).</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    // Keyed by district and day, so a version scheduled for tomorrow takes over at midnight Beijing time by itself.
    private readonly ConcurrentDictionary<(string District, int Day), (ActiveCatalog Catalog, DateTimeOffset CheckedAt)> _active = new();
    private readonly ConcurrentDictionary<(string, int), ActiveCatalog> _versions = new();

    public async Task<ActiveCatalog> GetActiveAsync(string district, CancellationToken cancellationToken = default)
    {
        var today = Domain.Applications.DayNumber.Of(Domain.Applications.BeijingTime.DateOf(clock.GetUtcNow()));
        if (_active.TryGetValue((district, today), out var cached) && clock.GetUtcNow() - cached.CheckedAt < Recheck) return cached.Catalog;
        await using var db = openContext();
        var row = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.District == district && (v.Status == CatalogVersionStatus.Active || v.Status == CatalogVersionStatus.Scheduled || v.Status == CatalogVersionStatus.Superseded)
                && v.EffectiveDay <= today)
            .OrderByDescending(v => v.Version).Select(v => new { v.Version }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No active catalog for district '{district}'.");
        var active = await GetVersionAsync(district, row.Version, cancellationToken);
        _active[(district, today)] = (active, clock.GetUtcNow());
        return active;
    }

    /// <summary>The version an application was submitted under (its calculation stays with it), or the one in force for a draft.</summary>
    public Task<ActiveCatalog> GetForAsync(string district, int? submittedVersion, CancellationToken cancellationToken = default) =>
        submittedVersion is { } v ? GetVersionAsync(district, v, cancellationToken) : GetActiveAsync(district, cancellationToken);

    /// <summary>A given version (an application keeps the version it was submitted under).</summary>
    public async Task<ActiveCatalog> GetVersionAsync(string district, int version, CancellationToken cancellationToken = default)
    {
        if (_versions.TryGetValue((district, version), out var cached)) return cached;
        await using var db = openContext();
        var row = await db.CatalogVersions.AsNoTracking().SingleAsync(v => v.District == district && v.Version == version, cancellationToken);
        if (row.Status is CatalogVersionStatus.Pending or CatalogVersionStatus.Rejected) return Compile(row); // not final: not cached
        return _versions.GetOrAdd((district, version), _ => Compile(row));
    }

    /// <summary>Forget the cached version in force (after an administrator's change is approved here; other instances ask again within <see cref="Recheck"/>).</summary>
    public void Invalidate(string district)
    {
        foreach (var key in _active.Keys.Where(k => k.District == district)) _active.TryRemove(key, out _);
    }

    private static ActiveCatalog Compile(CatalogVersion row)
    {
        var document = CatalogJson.Parse(row.Json);
        return new ActiveCatalog(row.District, row.Version, document, new CalculationEngine(document));
    }

    /// <summary>Version 1 of each district from the shipped files, where the district has no version yet. Idempotent.</summary>
    public static async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var present = await db.CatalogVersions.Select(v => v.District).Distinct().ToListAsync(cancellationToken);
        foreach (var (district, document) in EmbeddedCatalog.All)
        {
            if (present.Contains(district)) continue;
            db.CatalogVersions.Add(new CatalogVersion
            {
                District = district,
                Version = 1,
                Status = CatalogVersionStatus.Active,
                Json = CatalogJson.Write(document),
                Reason = "依政策原文转录（首个版本）",
                CreatedBy = "system",
                CreatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
