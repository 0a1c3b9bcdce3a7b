using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Seed;

/// <summary>
/// `seed`: generates the plan's rows and loads them into a database the portal has already migrated (start the portal on it
/// once). Refuses a database that was seeded before, so ids and tracking numbers never clash.
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(string connectionString, SeedPlan plan, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (await ScalarAsync<string?>(connection, "SELECT to_regclass('\"Applications\"')::text") is null)
        {
            await Console.Error.WriteLineAsync("The database has no portal schema: start the portal on it once (it migrates at start-up), then seed.");
            return 2;
        }
        if (await ScalarAsync<long>(connection, "SELECT count(*) FROM \"Enterprises\" WHERE \"OwnerUserId\" LIKE 'seed-owner-%'") > 0)
        {
            await Console.Error.WriteLineAsync("This database has been seeded already; seed a fresh one.");
            return 2;
        }

        var now = DateTimeOffset.UtcNow;
        var currentYear = BeijingTime.DateOf(now).Year;
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT \"District\", max(\"Version\") FROM \"CatalogVersions\" WHERE \"Status\" = 'Active' GROUP BY \"District\"", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) versions[reader.GetString(0)] = reader.GetInt32(1);
        var taken = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT \"District\", \"Year\", count(*) FROM \"Applications\" WHERE \"TrackingNumber\" IS NOT NULL GROUP BY 1, 2", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) taken[reader.GetString(0) + "/" + reader.GetInt32(1).ToString(CultureInfo.InvariantCulture)] = reader.GetInt64(2);

        var start = new SeedStart(
            await NextIdAsync(connection, "Enterprises"), await NextIdAsync(connection, "Applications"),
            await NextIdAsync(connection, "Projects"), await NextIdAsync(connection, "Claims"), currentYear, now, versions, taken);
        var catalogs = ShippedCatalogs.Load();

        output.WriteLine($"generating {plan.Applications:N0} applications of {plan.Enterprises:N0} enterprises ({plan.Drafts:N0} drafts this year; " +
                         $"{plan.HeavyDistrict} {currentYear - plan.HeavyYearsBack} with {plan.HeavyClaims:N0} claims) ...");
        var rows = Generator.Generate(plan, start, catalogs);
        output.WriteLine($"  generated {rows.Projects.Count:N0} projects and {rows.Claims.Count:N0} claims in {clock.Elapsed.TotalSeconds:F1} s");

        var load = Stopwatch.StartNew();
        await BulkWriter.WriteAsync(connection, rows, output.WriteLine);
        await using (var windows = new NpgsqlCommand(
            "INSERT INTO \"PolicyWindows\" (\"District\", \"Year\", \"Opens\", \"Closes\") " +
            "SELECT d, y, make_date(y, 1, 1), make_date(y, 12, 31) FROM unnest(@districts) d, generate_series(@from, @to) y ON CONFLICT DO NOTHING", connection))
        {
            windows.Parameters.AddWithValue("districts", Districts.All.ToArray());
            windows.Parameters.AddWithValue("from", rows.Applications.Min(a => a.Year));
            windows.Parameters.AddWithValue("to", currentYear);
            await windows.ExecuteNonQueryAsync();
        }
        output.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:F1} s; vacuum and analyse ...");
        // VACUUM sets the hint bits and the visibility map now, so the first benchmark reading these rows does not pay for it.
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 900 })
            await analyze.ExecuteNonQueryAsync();
        output.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static async Task<long> NextIdAsync(NpgsqlConnection connection, string table) =>
        await ScalarAsync<long>(connection, $"SELECT coalesce(max(\"Id\"), 0) + 1 FROM \"{table}\"");

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}

/// <summary>The catalogs the portal ships (copied next to the tool at build).</summary>
internal static class ShippedCatalogs
{
    public static IReadOnlyDictionary<string, PolicyDocument> Load() =>
        Districts.All.ToDictionary(d => d, d =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Catalog", d + ".json");
            return File.Exists(path) ? CatalogJson.Parse(File.ReadAllText(path)) : throw new FileNotFoundException("The shipped catalog is missing.", path);
        }, StringComparer.Ordinal);
}
