using System.Globalization;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Benchmarks;

/// <summary>
/// A deterministic year of applications over the shipped catalogs: <c>enterprises</c> spread evenly over the five
/// districts, each with the same number of claims on a few dozen projects (so 从优不重复 groups form), a mix of
/// open and closed parts and tiers, requested amounts on some claims, inputs for the kinds that need them,
/// prior awards of earlier years and this year, and budget pools already partly drawn.
/// </summary>
public sealed class Workload
{
    public IReadOnlyList<DistrictWork> Districts { get; }
    public int ClaimCount => Districts.Sum(d => d.Request.Claims.Count);
    public int PriorAwardCount => Districts.Sum(d => d.Request.PriorAwards.Count);

    private Workload(IReadOnlyList<DistrictWork> districts) => Districts = districts;

    public static string CatalogDirectory => Path.Combine(AppContext.BaseDirectory, "Catalog");

    public static Workload Create(int enterprises, int claims, int seed = 20_260_101, bool shuffled = false)
    {
        var catalogs = PolicyPortal.Domain.Catalog.Districts.All
            .Select(d => Path.Combine(CatalogDirectory, d + ".json"))
            .Select(path => File.Exists(path)
                ? CatalogJson.Parse(File.ReadAllText(path))
                : throw new FileNotFoundException("The shipped catalog is missing (src/PolicyPortal.Infrastructure/Catalog).", path))
            .ToList();
        var rnd = new Random(seed);
        var perEnterprise = claims / enterprises;
        var work = new List<DistrictWork>();
        for (var d = 0; d < catalogs.Count; d++)
        {
            var doc = catalogs[d];
            var parts = doc.Articles.SelectMany(a => a.Parts).ToArray();
            var open = parts.Where(p => p.Open).ToArray();
            var claimList = new List<ClaimInput>();
            var priors = new List<PriorAward>();
            for (var e = d; e < enterprises; e += catalogs.Count)
            {
                var enterprise = "91110000" + e.ToString("D10", CultureInfo.InvariantCulture);
                // Most projects carry one claim, some two or three (the same project under several articles).
                var projects = Math.Max(1, perEnterprise * 4 / 5);
                for (var k = 0; k < perEnterprise; k++)
                {
                    // Districts without open parts (a drafting note) still receive applications: they compute to 0.
                    var part = open.Length > 0 && rnd.NextDouble() < 0.92 ? open[rnd.Next(open.Length)] : parts[rnd.Next(parts.Length)];
                    claimList.Add(NewClaim(rnd, part, enterprise + "-C" + k.ToString("D4", CultureInfo.InvariantCulture),
                        enterprise, "P" + rnd.Next(projects).ToString("D3", CultureInfo.InvariantCulture)));
                }
                for (var k = 0; k < perEnterprise / 5; k++)
                {
                    var part = open.Length > 0 ? open[rnd.Next(open.Length)] : parts[rnd.Next(parts.Length)];
                    priors.Add(new PriorAward
                    {
                        Clause = part.Code,
                        Tier = part.Tiers.Count > 0 ? part.Tiers[rnd.Next(part.Tiers.Count)].Key : null,
                        Project = "P" + rnd.Next(projects * 2).ToString("D3", CultureInfo.InvariantCulture),
                        Year = 2023 + rnd.Next(4),
                        Granted = rnd.Next(1, 100_000) * 10m,
                        Enterprise = enterprise,
                    });
                }
            }
            if (shuffled)
                for (var i = claimList.Count - 1; i > 0; i--)
                {
                    var j = rnd.Next(i + 1);
                    (claimList[i], claimList[j]) = (claimList[j], claimList[i]);
                }
            // As a request read from JSON would be: every claim with its own strings, allocated in list order.
            claimList = claimList.Select(c => c with
            {
                Id = new string(c.Id),
                Project = new string(c.Project),
                Enterprise = c.Enterprise is null ? null : new string(c.Enterprise),
                Clause = new string(c.Clause),
                Tier = c.Tier is null ? null : new string(c.Tier),
                Inputs = c.Inputs is null ? null : new Dictionary<string, decimal>(c.Inputs),
            }).ToList();
            var request = new CalculationRequest
            {
                District = doc.District,
                Year = 2026,
                Claims = claimList,
                PriorAwards = priors,
                PoolUsed = doc.Pools.ToDictionary(p => p.Key, p => Math.Round(p.YearlyAmount * (decimal)rnd.NextDouble() * 0.5m, 2)),
            };
            work.Add(new DistrictWork(doc, new CalculationEngine(doc), request));
        }
        return new Workload(work);
    }

    private static ClaimInput NewClaim(Random rnd, ClausePart part, string id, string enterprise, string project)
    {
        // Bases spread over four orders of magnitude (10万 to 1亿), a third with fen.
        var amount = Math.Round((decimal)Math.Pow(10, 5 + rnd.NextDouble() * 3), rnd.Next(3) == 0 ? 2 : 0);
        return new ClaimInput
        {
            Id = id,
            Clause = part.Code,
            Tier = part.Tiers.Count > 0 ? part.Tiers[rnd.Next(part.Tiers.Count)].Key : null,
            Project = project,
            Enterprise = enterprise,
            Amount = amount,
            Requested = rnd.Next(5) == 0 ? rnd.Next(1, 300) * 10_000m : null,
            Inputs = part.Kind switch
            {
                RuleKind.Rent => new Dictionary<string, decimal> { ["area"] = rnd.Next(200, 8_000) },
                RuleKind.LoanInterest => new Dictionary<string, decimal> { ["lpr"] = 0.0300m + rnd.Next(50) / 10_000m, ["interestPaid"] = Math.Round(amount * 0.04m, 2) },
                RuleKind.EquipmentAndSoftware => new Dictionary<string, decimal> { ["equipment"] = amount, ["software"] = Math.Round(amount * (decimal)rnd.NextDouble(), 2) },
                _ => null,
            },
        };
    }
}

public sealed record DistrictWork(PolicyDocument Document, CalculationEngine Engine, CalculationRequest Request);
