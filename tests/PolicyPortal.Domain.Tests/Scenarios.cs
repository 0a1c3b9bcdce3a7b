using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests;

/// <summary>A catalog and a request against it, for the properties. Prints as JSON when FsCheck reports a counterexample.</summary>
public sealed record Scenario(PolicyDocument Catalog, CalculationRequest Request, string Source)
{
    public override string ToString() =>
        $"{Source} ({Catalog.District})\n" + JsonSerializer.Serialize(Request, CatalogJson.Options);
}

/// <summary>
/// FsCheck generators: requests of up to a dozen claims over few enterprises and projects (so claims collide on
/// 从优不重复, limits and pools), prior awards and pool usage, against the shipped catalogs and against random
/// catalogs that pass <see cref="CatalogValidator"/>.
/// </summary>
internal static class Scenarios
{
    private static readonly string?[] Enterprises = [null, "91110000AAAAAAAA01", "91110000BBBBBBBB02"];
    private static readonly string[] Projects = ["p1", "p2", "p3"];

    public static Arbitrary<Scenario> Arbitrary()
    {
        var shipped = TestData.ShippedCatalogs.Values.OrderBy(d => d.District, StringComparer.Ordinal).ToArray();
        var generated = Gen.Choose(0, int.MaxValue).Select(seed => RandomCatalogs.Build(seed));
        var catalogs = shipped.Length == 0
            ? generated.Select(d => (d, "generated catalog"))
            : Gen.Frequency(
                (3, Gen.Elements(shipped).Select(d => (d, "shipped catalog"))),
                (2, generated.Select(d => (d, "generated catalog"))));
        var scenarios = catalogs.SelectMany(pair => Request(pair.d).Select(r => new Scenario(pair.d, r, pair.Item2)));
        return Arb.From(scenarios, Shrink);
    }

    /// <summary>Smaller counterexamples: one claim, prior award or pool entry fewer.</summary>
    private static IEnumerable<Scenario> Shrink(Scenario s)
    {
        var r = s.Request;
        for (var i = 0; i < r.Claims.Count && r.Claims.Count > 1; i++)
            yield return s with { Request = r with { Claims = [.. r.Claims.Where((_, k) => k != i)] } };
        for (var i = 0; i < r.PriorAwards.Count; i++)
            yield return s with { Request = r with { PriorAwards = [.. r.PriorAwards.Where((_, k) => k != i)] } };
        if (r.PoolUsed.Count > 0)
            yield return s with { Request = r with { PoolUsed = new Dictionary<string, decimal>() } };
    }

    private static ClausePart[] PartsOf(PolicyDocument doc) => [.. doc.Articles.SelectMany(a => a.Parts)];

    public static Gen<CalculationRequest> Request(PolicyDocument doc) =>
        from n in Gen.Choose(1, 12)
        from claims in Gen.ArrayOf(Claim(doc), n)
        from ids in Gen.Shuffle(Enumerable.Range(1, 40))
        from m in Gen.Choose(0, 6)
        from priors in Gen.ArrayOf(Prior(doc), m)
        from poolUsed in PoolUsed(doc)
        select new CalculationRequest
        {
            District = doc.District,
            Year = 2026,
            // Ids without zero padding, so ordinal order ("c10" < "c9") differs from the numbers.
            Claims = [.. claims.Select((c, i) => c with { Id = "c" + ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture) })],
            PriorAwards = priors,
            PoolUsed = poolUsed,
        };

    /// <summary>Money in yuan: zero, typical, large and with fen.</summary>
    public static Gen<decimal> Money(int typical = 5_000_000) => Gen.Frequency(
        (1, Gen.Constant(0m)),
        (4, Gen.Choose(0, typical).Select(x => (decimal)x)),
        (2, Gen.Choose(0, 200_000_000).Select(x => (decimal)x)),
        (2, from yuan in Gen.Choose(0, 2_000_000) from fen in Gen.Choose(0, 99) select yuan + fen / 100m));

    private static Gen<ClaimInput> Claim(PolicyDocument doc) =>
        from part in Gen.Elements(PartsOf(doc))
        from tier in part.Tiers.Count == 0 ? Gen.Constant<string?>(null) : Gen.Elements(part.Tiers.Select(t => (string?)t.Key).ToArray())
        from enterprise in Gen.Elements(Enterprises)
        from project in Gen.Elements(Projects)
        from amount in Money()
        from requested in Gen.Frequency((3, Gen.Constant<decimal?>(null)), (1, Money(2_000_000).Select(x => (decimal?)x)))
        from area in Gen.Choose(1, 9_000)
        from lprBasisPoints in Gen.Choose(0, 600)
        from second in Money()
        select new ClaimInput
        {
            Id = "",
            Clause = part.Code,
            Tier = tier,
            Project = project,
            Enterprise = enterprise,
            Amount = amount,
            Requested = requested,
            Inputs = part.Kind switch
            {
                RuleKind.Rent => new Dictionary<string, decimal> { ["area"] = area },
                RuleKind.LoanInterest => new Dictionary<string, decimal> { ["lpr"] = lprBasisPoints / 10_000m, ["interestPaid"] = second },
                RuleKind.EquipmentAndSoftware => new Dictionary<string, decimal> { ["equipment"] = amount, ["software"] = second },
                _ => null,
            },
        };

    private static Gen<PriorAward> Prior(PolicyDocument doc) =>
        from part in Gen.Elements(PartsOf(doc))
        from tier in part.Tiers.Count == 0 ? Gen.Constant<string?>(null) : Gen.Elements(part.Tiers.Select(t => (string?)t.Key).ToArray())
        from enterprise in Gen.Elements(Enterprises)
        from project in Gen.Elements(Projects)
        from year in Gen.Choose(2022, 2026)
        from granted in Money(3_000_000)
        select new PriorAward { Clause = part.Code, Tier = tier, Project = project, Enterprise = enterprise, Year = year, Granted = granted };

    private static Gen<IReadOnlyDictionary<string, decimal>> PoolUsed(PolicyDocument doc)
    {
        Gen<IReadOnlyDictionary<string, decimal>> empty = Gen.Constant<IReadOnlyDictionary<string, decimal>>(new Dictionary<string, decimal>());
        return doc.Pools.Aggregate(empty, (acc, pool) =>
            from used in acc
            from amount in Gen.Frequency(
                (2, Gen.Constant<decimal?>(null)),
                (2, Gen.Choose(0, (int)Math.Min(pool.YearlyAmount, int.MaxValue)).Select(x => (decimal?)x)),
                (1, Gen.Choose(0, (int)Math.Min(pool.YearlyAmount, 5_000_000)).Select(x => (decimal?)(pool.YearlyAmount - x))),
                (1, Gen.Constant<decimal?>(pool.YearlyAmount + 1m)))
            select amount is { } a
                ? (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal>(used) { [pool.Key] = a }
                : used);
    }
}
