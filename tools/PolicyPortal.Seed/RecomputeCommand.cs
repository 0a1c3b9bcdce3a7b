using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Seed;

/// <summary>
/// `recompute`: a whole district-year through the engine, end to end from the database — the active catalog version, every
/// claim of the year's submitted applications (rejected claims left out, as the portal's ledger does), the district's
/// earlier approved awards and the enterprises' declared awards — timed from opening the connection to the last result.
/// </summary>
internal static class RecomputeCommand
{
    private const string ClaimsSql = """
        SELECT c."Id", c."Clause", c."Tier", p."Name", c."AmountFen", c."RequestedFen", c."InputsJson", a."EnterpriseId"
        FROM "Claims" c
        JOIN "Projects" p ON p."Id" = c."ProjectId"
        JOIN "Applications" a ON a."Id" = p."ApplicationId"
        WHERE a."District" = @district AND a."Year" = @year AND a."Status" NOT IN ('Draft', 'Withdrawn', 'Expired')
          AND (c."Decision" IS NULL OR c."Decision" <> 'Rejected') AND a."Id" % @parts = @part
        ORDER BY c."Id"
        """;

    /// <summary>The claims are read in this many slices (by application id), each on its own connection and thread.</summary>
    private const int Parts = 2;

    private const string PriorSql = """
        SELECT c."Clause", c."Tier", p."Name", a."Year", c."ApprovedFen", a."EnterpriseId"
        FROM "Claims" c
        JOIN "Projects" p ON p."Id" = c."ProjectId"
        JOIN "Applications" a ON a."Id" = p."ApplicationId"
        WHERE a."District" = @district AND a."Year" < @year AND c."ApprovedFen" > 0
        UNION ALL
        SELECT x."Clause", x."Tier", x."Project", x."Year", x."GrantedFen", x."EnterpriseId"
        FROM "ExternalAwards" x JOIN "Enterprises" e ON e."Id" = x."EnterpriseId"
        WHERE e."District" = @district
        """;

    public static async Task<int> RunAsync(string connectionString, string district, int year, int runs, TextWriter output)
    {
        // The claims query sorts some hundred megabytes by id: in memory, not in temporary files.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c work_mem=128MB".Trim();
        connectionString = builder.ConnectionString;
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var total = Stopwatch.StartNew();
            // This process's CPU time beside the wall time: on a shared machine the two part when other work takes the cores.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var phase = Stopwatch.StartNew();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var (version, document) = await CatalogAsync(connection, district);
            var engine = new CalculationEngine(document);
            var known = document.Articles.SelectMany(a => a.Parts).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
            var catalogMs = phase.Elapsed.TotalMilliseconds;

            phase.Restart();
            // The claims in slices and the prior awards, all at once on connections of their own: PostgreSQL and the client
            // both work on two cores; the slices, each in id order, are merged back into id order.
            var slices = Enumerable.Range(0, Parts).Select(part => Task.Run(() => ReadClaimsAsync(connectionString, district, year, part))).ToList();
            var priorTask = Task.Run(() => ReadPriorAsync(connectionString, district, year, known));
            var claims = Merge(await Task.WhenAll(slices));
            var prior = await priorTask;
            var loadMs = phase.Elapsed.TotalMilliseconds;

            phase.Restart();
            var request = new CalculationRequest { District = district, Year = year, Claims = claims, PriorAwards = prior };
            var prepared = engine.Prepare(request);
            var prepareMs = phase.Elapsed.TotalMilliseconds;
            phase.Restart();
            var result = engine.Calculate(prepared);
            var calculateMs = phase.Elapsed.TotalMilliseconds;
            total.Stop();
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            times.Add(total.Elapsed.TotalMilliseconds);
            var paid = 0;
            foreach (var c in result.Claims)
                if (c.GrantedFen > 0) paid++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {district} {year} (catalog v{version}): {claims.Count:N0} claims, {prior.Count:N0} prior awards; catalog {catalogMs:F0} ms, " +
                $"load {loadMs:F0} ms, prepare {prepareMs:F0} ms, calculate {calculateMs:F0} ms; total {total.Elapsed.TotalMilliseconds:F0} ms (client CPU {cpuMs:F0} ms); " +
                $"{paid:N0} paid, granted ¥{result.TotalGranted:N2}"));
        }
        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recompute end to end: best {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, worst {times[^1]:F0} ms over {runs} runs (target < 2000 ms)"));
        return 0;
    }

    private static async Task<(int Version, PolicyDocument Document)> CatalogAsync(NpgsqlConnection connection, string district)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT \"Version\", \"Json\" FROM \"CatalogVersions\" WHERE \"District\" = @d AND \"Status\" = 'Active' ORDER BY \"Version\" DESC LIMIT 1", connection);
        cmd.Parameters.AddWithValue("d", district);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"No active catalog for {district}.");
        return (reader.GetInt32(0), CatalogJson.Parse(reader.GetString(1)));
    }

    private static async Task<List<ClaimInput>> ReadClaimsAsync(string connectionString, string district, int year, int part)
    {
        var strings = new StringPool();
        var claims = new List<ClaimInput>(1 << 16);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(ClaimsSql, connection);
        cmd.Parameters.AddWithValue("district", district);
        cmd.Parameters.AddWithValue("year", year);
        cmd.Parameters.AddWithValue("parts", (long)Parts);
        cmd.Parameters.AddWithValue("part", (long)part);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var inputs = reader.GetString(6);
            claims.Add(new ClaimInput
            {
                // The portal's engine id (ApplicationLedger.EngineId): zero-padded, so id order is ordinal order.
                Id = reader.GetInt64(0).ToString("D12", CultureInfo.InvariantCulture),
                Clause = strings.Get(reader.GetString(1)),
                Tier = reader.IsDBNull(2) ? null : strings.Get(reader.GetString(2)),
                Project = reader.GetString(3),
                Amount = reader.IsDBNull(4) ? null : reader.GetInt64(4) / 100m,
                Requested = reader.IsDBNull(5) ? null : reader.GetInt64(5) / 100m,
                Inputs = inputs == "{}" ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(inputs),
                Enterprise = strings.Get(reader.GetInt64(7)),
            });
        }
        return claims;
    }

    /// <summary>Merges slices that are each in ordinal id order into one list in that order.</summary>
    private static List<ClaimInput> Merge(List<ClaimInput>[] slices)
    {
        var merged = new List<ClaimInput>(slices.Sum(s => s.Count));
        var at = new int[slices.Length];
        while (true)
        {
            var best = -1;
            for (var i = 0; i < slices.Length; i++)
                if (at[i] < slices[i].Count && (best < 0 || string.CompareOrdinal(slices[i][at[i]].Id, slices[best][at[best]].Id) < 0)) best = i;
            if (best < 0) return merged;
            merged.Add(slices[best][at[best]++]);
        }
    }

    private static async Task<List<PriorAward>> ReadPriorAsync(string connectionString, string district, int year, HashSet<string> known)
    {
        var strings = new StringPool();
        var prior = new List<PriorAward>(1 << 14);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(PriorSql, connection);
        cmd.Parameters.AddWithValue("district", district);
        cmd.Parameters.AddWithValue("year", year);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var clause = strings.Get(reader.GetString(0));
            if (!known.Contains(clause)) continue; // a declared award on a clause this catalog no longer has
            prior.Add(new PriorAward
            {
                Clause = clause,
                Tier = reader.IsDBNull(1) ? null : strings.Get(reader.GetString(1)),
                Project = reader.GetString(2),
                Year = reader.GetInt32(3),
                Granted = reader.GetInt64(4) / 100m,
                Enterprise = strings.Get(reader.GetInt64(5)),
            });
        }
        return prior;
    }

    /// <summary>One string instance per clause code, tier and enterprise: the engine hashes fewer distinct objects.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<long, string> _ids = [];

        public string Get(string s)
        {
            if (_strings.TryGetValue(s, out var pooled)) return pooled;
            _strings[s] = s;
            return s;
        }

        public string Get(long id)
        {
            if (_ids.TryGetValue(id, out var pooled)) return pooled;
            var s = id.ToString(CultureInfo.InvariantCulture);
            _ids[id] = s;
            return s;
        }
    }
}
