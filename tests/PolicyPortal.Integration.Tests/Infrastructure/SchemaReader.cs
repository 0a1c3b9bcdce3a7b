using System.Data.Common;
using System.Globalization;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>
/// Reads a database's schema as sorted lines (tables, columns with type, nullability and default, primary and foreign
/// keys, indexes), so two databases can be compared line by line. Quartz's tables and EF's history table are listed
/// apart: they are not part of the model.
/// </summary>
public static class SchemaReader
{
    public static async Task<List<string>> ReadAsync(DbConnection connection, Provider provider)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var lines = provider == Provider.Postgres ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static bool IsOutsideModel(string table) =>
        table.StartsWith("qrtz_", StringComparison.Ordinal) || table is "__EFMigrationsHistory" or "__EFMigrationsLock" || table.StartsWith("sqlite_", StringComparison.Ordinal);

    private static async Task<List<string>> ReadPostgresAsync(DbConnection c)
    {
        var lines = new List<string>();
        await Query(c, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, -1), coalesce(numeric_precision, -1),
                   coalesce(numeric_scale, -1), is_nullable, coalesce(column_default, ''), is_identity
            FROM information_schema.columns WHERE table_schema = 'public'
            """, r => Add(lines, r.GetString(0), $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)},{r.GetInt32(4)},{r.GetInt32(5)}) null={r.GetString(6)} default={r.GetString(7)} identity={r.GetString(8)}"));
        await Query(c, """
            SELECT tc.table_name, tc.constraint_type, tc.constraint_name,
                   string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position),
                   coalesce(max(ccu.table_name), ''), coalesce(max(rc.delete_rule), '')
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
            LEFT JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND tc.constraint_type = 'FOREIGN KEY'
            WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
            GROUP BY tc.table_name, tc.constraint_type, tc.constraint_name
            """, r => Add(lines, r.GetString(0), $"constraint {r.GetString(0)} {r.GetString(1)} {r.GetString(2)} ({r.GetString(3)}) -> {r.GetString(4)} {r.GetString(5)}"));
        await Query(c, """
            SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
            """, r => Add(lines, r.GetString(0), $"index {r.GetString(0)} {r.GetString(1)}: {r.GetString(2)}"));
        await Query(c, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace
            """, r => Add(lines, r.GetString(0).Trim('"'), $"check {r.GetString(0)} {r.GetString(1)}: {r.GetString(2)}"));
        return lines;
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection c)
    {
        var lines = new List<string>();
        var tables = new List<string>();
        await Query(c, "SELECT name FROM sqlite_master WHERE type = 'table'", r => tables.Add(r.GetString(0)));
        foreach (var t in tables)
        {
            await Query(c, $"SELECT name, type, \"notnull\", coalesce(dflt_value, ''), pk FROM pragma_table_info('{t}')",
                r => Add(lines, t, $"column {t}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} default={r.GetString(3)} pk={r.GetInt64(4)}"));
            await Query(c, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')",
                r => Add(lines, t, $"fk {t}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} {r.GetString(3)}"));
            var indexes = new List<(string Name, long Unique, string Origin)>();
            await Query(c, $"SELECT name, \"unique\", origin FROM pragma_index_list('{t}')", r => indexes.Add((r.GetString(0), r.GetInt64(1), r.GetString(2))));
            foreach (var (name, unique, origin) in indexes)
            {
                var cols = new List<string>();
                await Query(c, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => cols.Add(r.GetString(0)));
                // Auto-indexes are named by SQLite; compare them by what they cover.
                var label = origin == "c" ? name : $"({origin})";
                Add(lines, t, $"index {t} {label} unique={unique} ({string.Join(',', cols)})");
            }
        }
        await Query(c, "SELECT name, coalesce(tbl_name, '') FROM sqlite_master WHERE type = 'trigger'", r => Add(lines, r.GetString(1), $"trigger {r.GetString(0)}"));
        return lines;
    }

    private static void Add(List<string> lines, string table, string line)
    {
        if (!IsOutsideModel(table)) lines.Add(line);
    }

    private static async Task Query(DbConnection c, string sql, Action<DbDataReader> row)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) row(reader);
    }

    public static string Describe(IEnumerable<string> lines) => string.Join(Environment.NewLine, lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"  {l}")));
}
