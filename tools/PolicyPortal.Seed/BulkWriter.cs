using Npgsql;
using NpgsqlTypes;

namespace PolicyPortal.Seed;

/// <summary>Writes the generated rows with PostgreSQL's binary COPY, one table after the other, in one transaction.</summary>
internal static class BulkWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, SeedRows rows, Action<string> log)
    {
        await using var tx = await connection.BeginTransactionAsync();
        if (await IsSuperuserAsync(connection))
        {
            // The generator makes every reference consistent, so the foreign-key triggers are skipped for the load (they
            // would double its time). Only a superuser may; anyone else simply loads with the checks.
            await using var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, tx);
            await replica.ExecuteNonQueryAsync();
        }

        await CopyAsync(connection, "Enterprises", ["Id", "CreditCode", "Name", "District", "ContactName", "ContactPhone", "OwnerUserId", "CreatedAt", "UpdatedAt"],
            rows.Enterprises, (w, e) =>
            {
                w.Write(e.Id, NpgsqlDbType.Bigint);
                w.Write(e.CreditCode, NpgsqlDbType.Varchar);
                w.Write(e.Name, NpgsqlDbType.Varchar);
                w.Write(e.District, NpgsqlDbType.Varchar);
                w.Write(e.ContactName, NpgsqlDbType.Varchar);
                w.Write(e.ContactPhone, NpgsqlDbType.Varchar);
                w.Write(e.OwnerUserId, NpgsqlDbType.Varchar);
                w.Write(e.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                w.Write(e.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            }, log);

        await CopyAsync(connection, "Applications",
            ["Id", "EnterpriseId", "District", "Year", "Status", "CatalogVersion", "TrackingNumber", "SubmissionKey", "CreatedAt", "UpdatedAt", "SubmittedAt",
             "SupplementDeadline", "SupplementRequest", "Version", "ContactName", "ContactPhone", "FrozenTotalFen", "ReviewDueDay", "FirstStageBy"],
            rows.Applications, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Bigint);
                w.Write(a.EnterpriseId, NpgsqlDbType.Bigint);
                w.Write(a.District, NpgsqlDbType.Varchar);
                w.Write(a.Year, NpgsqlDbType.Integer);
                w.Write(a.Status, NpgsqlDbType.Varchar);
                Nullable(w, a.CatalogVersion, NpgsqlDbType.Integer);
                Nullable(w, a.TrackingNumber, NpgsqlDbType.Varchar);
                Nullable(w, a.SubmissionKey, NpgsqlDbType.Uuid);
                w.Write(a.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                w.Write(a.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                Nullable(w, a.SubmittedAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
                Nullable(w, a.SupplementDeadline?.UtcDateTime, NpgsqlDbType.TimestampTz);
                Nullable(w, a.SupplementRequest, NpgsqlDbType.Varchar);
                w.Write(a.Version, NpgsqlDbType.Bigint);
                w.Write(a.ContactName, NpgsqlDbType.Varchar);
                w.Write(a.ContactPhone, NpgsqlDbType.Varchar);
                Nullable(w, a.FrozenTotalFen, NpgsqlDbType.Bigint);
                Nullable(w, a.ReviewDueDay, NpgsqlDbType.Integer);
                Nullable(w, a.FirstStageBy, NpgsqlDbType.Varchar);
            }, log);

        await CopyAsync(connection, "Projects", ["Id", "ApplicationId", "Name"], rows.Projects, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Bigint);
            w.Write(p.ApplicationId, NpgsqlDbType.Bigint);
            w.Write(p.Name, NpgsqlDbType.Varchar);
        }, log);

        await CopyAsync(connection, "Claims",
            ["Id", "ProjectId", "Clause", "Tier", "AmountFen", "RequestedFen", "InputsJson", "AttestationsJson", "FrozenEligibleFen", "FrozenGrantedFen",
             "FrozenExplanationJson", "Decision", "ApprovedFen", "DecisionReason", "Version"],
            rows.Claims, (w, c) =>
            {
                w.Write(c.Id, NpgsqlDbType.Bigint);
                w.Write(c.ProjectId, NpgsqlDbType.Bigint);
                w.Write(c.Clause, NpgsqlDbType.Varchar);
                Nullable(w, c.Tier, NpgsqlDbType.Varchar);
                Nullable(w, c.AmountFen, NpgsqlDbType.Bigint);
                Nullable(w, c.RequestedFen, NpgsqlDbType.Bigint);
                w.Write(c.InputsJson, NpgsqlDbType.Varchar);
                w.Write(c.AttestationsJson, NpgsqlDbType.Varchar);
                Nullable(w, c.FrozenEligibleFen, NpgsqlDbType.Bigint);
                Nullable(w, c.FrozenGrantedFen, NpgsqlDbType.Bigint);
                Nullable(w, c.FrozenExplanationJson, NpgsqlDbType.Varchar);
                Nullable(w, c.Decision, NpgsqlDbType.Varchar);
                Nullable(w, c.ApprovedFen, NpgsqlDbType.Bigint);
                Nullable(w, c.DecisionReason, NpgsqlDbType.Varchar);
                w.Write(c.Version, NpgsqlDbType.Bigint);
            }, log);

        // Identity columns were given explicit values: move their sequences past them so the portal's inserts do not collide.
        foreach (var table in new[] { "Enterprises", "Applications", "Projects", "Claims" })
        {
            await using var setval = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))", connection, tx);
            await setval.ExecuteScalarAsync();
        }
        await tx.CommitAsync();
    }

    private static async Task<bool> IsSuperuserAsync(NpgsqlConnection connection)
    {
        await using var cmd = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        return await cmd.ExecuteScalarAsync() is true;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string[] columns, List<T> rows, Action<NpgsqlBinaryImporter, T> write, Action<string> log)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(sql))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                write(importer, row);
            }
            await importer.CompleteAsync();
        }
        log($"  {table,-13} {rows.Count,10:N0} rows in {started.Elapsed.TotalSeconds,6:F1} s");
    }

    private static void Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) w.Write(v, type);
        else w.WriteNull();
    }

    private static void Nullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, type);
    }
}
