using System.Globalization;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Seed;

// Benchmark data for PostgreSQL (docs/performance.md, "Load benchmarks"):
//   dotnet run -c Release --project tools/PolicyPortal.Seed -- seed --connection "Host=...;Database=...;Username=..."
//        [--enterprises 20000] [--applications 200000] [--drafts 10000] [--heavy-district shijingshan] [--heavy-claims 500000]
//   dotnet run -c Release --project tools/PolicyPortal.Seed -- recompute --connection "..." [--district shijingshan] [--year 2025] [--runs 5]
var command = args.FirstOrDefault();
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal)) return Usage($"unexpected argument {args[i]}");
    options[args[i][2..]] = args[i + 1];
}
if (!options.TryGetValue("connection", out var connection)) return Usage("--connection is required");
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

var defaults = new SeedPlan();
var year = BeijingTime.DateOf(DateTimeOffset.UtcNow).Year;
return command switch
{
    "seed" => await SeedCommand.RunAsync(connection, new SeedPlan
    {
        Enterprises = Int("enterprises", defaults.Enterprises),
        Applications = Int("applications", defaults.Applications),
        Drafts = Int("drafts", defaults.Drafts),
        HeavyDistrict = options.GetValueOrDefault("heavy-district", defaults.HeavyDistrict),
        HeavyClaims = Int("heavy-claims", defaults.HeavyClaims),
    }, Console.Out),
    "recompute" => await RecomputeCommand.RunAsync(connection, options.GetValueOrDefault("district", defaults.HeavyDistrict),
        Int("year", year - defaults.HeavyYearsBack), Int("runs", 5), Console.Out),
    _ => Usage("the command is seed or recompute"),
};

static int Usage(string why)
{
    Console.Error.WriteLine($"{why}\nusage: PolicyPortal.Seed seed|recompute --connection <Npgsql connection string> [options]; see docs/performance.md");
    return 2;
}
