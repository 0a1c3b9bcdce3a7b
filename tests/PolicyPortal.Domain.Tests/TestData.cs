using System.Text.Json;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests;

/// <summary>The shipped catalogs and the worked-example cases, as copied next to the test assembly.</summary>
internal static class TestData
{
    public static string CatalogDirectory => Path.Combine(AppContext.BaseDirectory, "Catalog");
    public static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "Cases");

    public static IEnumerable<string> CatalogFiles =>
        Directory.Exists(CatalogDirectory) ? Directory.EnumerateFiles(CatalogDirectory, "*.json").Order(StringComparer.Ordinal) : [];

    private static readonly Lazy<IReadOnlyDictionary<string, PolicyDocument>> Catalogs = new(() =>
        CatalogFiles.Select(f => CatalogJson.Parse(File.ReadAllText(f))).ToDictionary(d => d.District, StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyDictionary<string, CalculationEngine>> Engines = new(() =>
        Catalogs.Value.ToDictionary(kv => kv.Key, kv => new CalculationEngine(kv.Value), StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, PolicyDocument> ShippedCatalogs => Catalogs.Value;

    public static CalculationEngine Engine(string district) => Engines.Value[district];

    private static readonly JsonSerializerOptions CaseOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<IReadOnlyList<CaseFile>> CaseFiles = new(() =>
        Directory.Exists(CasesDirectory)
            ? Directory.EnumerateFiles(CasesDirectory, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(f), CaseOptions)!)
                .ToList()
            : []);

    public static IReadOnlyList<CaseFile> Cases => CaseFiles.Value;
}

internal sealed record CaseFile
{
    public required string District { get; init; }
    public IReadOnlyList<WorkedCase> Cases { get; init; } = [];
}

/// <summary>A legal case as data: a request computed by hand from the text, with the article and the calculation.</summary>
internal sealed record WorkedCase
{
    public required string Name { get; init; }
    public string? Article { get; init; }
    public string? Calc { get; init; }
    public int Year { get; init; }
    public IReadOnlyList<ClaimInput> Claims { get; init; } = [];
    public IReadOnlyList<PriorAward> PriorAwards { get; init; } = [];
    public IReadOnlyDictionary<string, decimal> PoolUsed { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyList<ExpectedClaim> Expected { get; init; } = [];

    public CalculationRequest ToRequest(string district) => new()
    {
        District = district,
        Year = Year,
        Claims = Claims,
        PriorAwards = PriorAwards,
        PoolUsed = PoolUsed,
    };
}

internal sealed record ExpectedClaim(string Id, decimal Eligible, decimal Granted);
