using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PolicyPortal.Infrastructure.Data;

/// <summary>
/// Serialises the transactions that decide "is there one already?" for the same thing (an enterprise's draft for the
/// year, the next 受理编号 of a district and year). Two such transactions read, then write; without a lock both read
/// "none yet" and both write.
/// </summary>
public static class TransactionLocks
{
    /// <summary>
    /// Waits for, then holds until the current transaction ends, the lock named <paramref name="key"/>. On PostgreSQL a
    /// transaction-scoped advisory lock (released by commit, rollback or a dead session, so never left behind). On SQLite
    /// nothing is needed: EF begins its transactions with BEGIN IMMEDIATE, so writers already take turns.
    /// </summary>
    public static async Task LockAsync(this DatabaseFacade database, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.CurrentTransaction is null) throw new InvalidOperationException("A transaction lock needs a transaction.");
        if (database.IsNpgsql())
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
