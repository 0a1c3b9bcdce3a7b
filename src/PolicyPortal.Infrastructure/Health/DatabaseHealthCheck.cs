using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Health;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var ok = await db.Database.CanConnectAsync(cancellationToken);
            return ok
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName}")
                : HealthCheckResult.Unhealthy("数据库无法连接 / database unreachable");
        }
#pragma warning disable CA1031 // A health check reports every failure as data.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("数据库无法连接 / database unreachable", ex);
        }
    }
}
