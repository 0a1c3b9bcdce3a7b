using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Catalog;

/// <summary>The catalog as the portal uses it: a district's active version and its engine.</summary>
public sealed record ActiveCatalog(string District, int Version, PolicyDocument Document, CalculationEngine Engine);

/// <summary>
/// Loads each district's active catalog version from the database and keeps one compiled engine per version (an engine
/// is built once and is thread-safe). Seeds version 1 of every district from the shipped files on first start.
/// </summary>
public sealed class CatalogStore(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, ActiveCatalog> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), CalculationEngine> _engines = new();

    public async Task<ActiveCatalog> GetActiveAsync(string district, CancellationToken cancellationToken = default)
    {
        if (_active.TryGetValue(district, out var cached)) return cached;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.District == district && v.Status == CatalogVersionStatus.Active)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No active catalog for district '{district}'.");
        var active = Compile(row);
        _active[district] = active;
        return active;
    }

    /// <summary>A given version (an application keeps the version it was submitted under).</summary>
    public async Task<ActiveCatalog> GetVersionAsync(string district, int version, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.CatalogVersions.AsNoTracking().SingleAsync(v => v.District == district && v.Version == version, cancellationToken);
        return Compile(row);
    }

    /// <summary>Forget the cached active versions (after an administrator's change takes effect).</summary>
    public void Invalidate(string district) => _active.TryRemove(district, out _);

    private ActiveCatalog Compile(CatalogVersion row)
    {
        var document = CatalogJson.Parse(row.Json);
        var engine = _engines.GetOrAdd((row.District, row.Version), _ => new CalculationEngine(document));
        return new ActiveCatalog(row.District, row.Version, engine.Document, engine);
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
