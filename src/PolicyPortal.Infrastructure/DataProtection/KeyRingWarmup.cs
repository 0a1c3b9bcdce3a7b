using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyPortal.Infrastructure.DataProtection;

/// <summary>
/// Loads (and on an empty table creates) the key ring before the host starts serving, under a PostgreSQL advisory lock.
/// Without the lock, instances started together on a new database would each create a first key without seeing the
/// other's, and after the key manager's two-minute refresh window a cookie from one would be unreadable on the other
/// until the 24-hour cache expired. With it the first instance creates the key and the others read it. Runs in
/// StartingAsync, so before Data Protection's own hosted service warms the ring.
/// </summary>
internal sealed class KeyRingWarmup(IServiceScopeFactory scopes, IDataProtectionProvider protection, ILogger<KeyRingWarmup> logger, bool postgres) : IHostedLifecycleService
{
    /// <summary>The advisory-lock key (any constant the portal uses for nothing else): "PPDPKEYS" in ASCII.</summary>
    internal const long LockKey = 0x5050_4450_4B45_5953;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!postgres)
        {
            Warm();
            return;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.PortalDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            try
            {
                Warm();
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void Warm()
    {
        // Protecting once makes the key manager read the ring and, when it holds no usable key, create and store one.
        protection.CreateProtector("PolicyPortal.KeyRingWarmup").Protect([1]);
        logger.LogDebug("Data Protection key ring loaded");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
