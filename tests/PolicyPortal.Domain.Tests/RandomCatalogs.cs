using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests;

/// <summary>
/// Random but valid catalogs: every rule kind, tiers, 一次性 and 晋级补差, consecutive years, part limits of every
/// scope, shared limits, pools and exclusivity overrides — shapes the five shipped texts do not all have.
/// </summary>
internal static class RandomCatalogs
{
    private static readonly RuleKind[] Kinds = Enum.GetValues<RuleKind>();
    private static readonly decimal[] Rates = [0.05m, 0.1m, 0.25m, 0.3m, 0.5m, 0.6m, 1m];
    private static readonly decimal[] Caps = [100_000m, 200_000m, 500_000m, 1_000_000m, 3_000_000m, 10_000_000m];
    private static readonly decimal[] LimitAmounts = [200_000m, 500_000m, 1_000_000m, 2_000_000m];

    public static PolicyDocument Build(int seed)
    {
        var rnd = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[rnd.Next(items.Count)];
        bool Chance(double p) => rnd.NextDouble() < p;

        const string district = "fengtai";
        var pools = Enumerable.Range(1, rnd.Next(0, 3)).Select(i => new BudgetPool
        {
            Key = $"{district}.pool{i}", Name = $"券{i}", YearlyAmount = rnd.Next(1, 40) * 100_000m, Article = "第一条",
        }).ToList();

        var articles = new List<Article>();
        var codes = new List<string>();
        for (var a = 1; a <= rnd.Next(1, 5); a++)
        {
            var parts = new List<ClausePart>();
            for (var p = 1; p <= rnd.Next(1, 4); p++)
            {
                var code = $"{district}.{a}.{p}";
                codes.Add(code);
                var kind = Pick(Kinds);
                var open = kind != RuleKind.Unquantified && Chance(0.9);
                var tiered = Chance(0.3);
                var tiers = tiered
                    ? Enumerable.Range(1, rnd.Next(2, 4)).Select(level => new Tier
                    {
                        Key = $"t{level}", Name = $"档{level}", Level = level,
                        Rate = kind is RuleKind.Rate or RuleKind.Matching or RuleKind.Rent or RuleKind.EquipmentAndSoftware ? Pick(Rates) : null,
                        Amount = kind == RuleKind.Fixed ? Pick(Caps) : null,
                        Cap = kind is RuleKind.UpTo or RuleKind.LoanInterest or RuleKind.Unquantified ? Pick(Caps) : null,
                    }).ToList()
                    : [];
                var limits = Chance(0.35)
                    ? new List<PartLimit> { new() { Scope = Pick(Enum.GetValues<LimitScope>()), Amount = Pick(LimitAmounts), Source = "测试上限" } }
                    : [];
                parts.Add(new ClausePart
                {
                    Code = code, Part = p, Title = code, Text = "（随机）" + code, Kind = kind, Open = open,
                    Rate = tiered ? null : Pick(Rates),
                    Amount = kind == RuleKind.Fixed && !tiered ? Pick(Caps) : null,
                    Cap = kind == RuleKind.UpTo && !tiered ? Pick(Caps) : Chance(0.6) && !tiered ? Pick(Caps) : null,
                    MinBase = Chance(0.15) ? Pick(Caps) : null,
                    AreaCeiling = kind == RuleKind.Rent ? rnd.Next(1, 50) * 100m : null,
                    LprShare = kind == RuleKind.LoanInterest ? Pick(Rates) : null,
                    InterestShare = kind == RuleKind.LoanInterest ? Pick(Rates) : null,
                    SoftwareShareCap = kind == RuleKind.EquipmentAndSoftware ? Pick(Rates) : null,
                    Tiers = tiers,
                    Limits = limits,
                    ConsecutiveYears = Chance(0.2) ? rnd.Next(1, 4) : null,
                    Pool = pools.Count > 0 && Chance(0.3) ? Pick(pools).Key : null,
                    OneTime = Chance(0.2),
                    TopUp = tiers.Count >= 2 && Chance(0.5),
                    Exclusivity = Chance(0.15) ? Pick(Enum.GetValues<ExclusivityScope>()) : null,
                });
            }
            articles.Add(new Article { Number = a, Label = $"第{a}条", Title = "随机", Text = "（随机）", Parts = parts });
        }

        var shared = Chance(0.4)
            ? new List<SharedLimit>
            {
                new()
                {
                    Key = $"{district}.shared", Name = "共享上限", Scope = Pick(Enum.GetValues<LimitScope>()), Amount = Pick(LimitAmounts),
                    Article = "第一条至第二条", Parts = [.. codes.Where(_ => Chance(0.5)).DefaultIfEmpty(codes[0])],
                },
            }
            : [];

        var doc = new PolicyDocument
        {
            District = district, DistrictName = "随机区", Name = "随机政策", Issuer = "测试", Status = "测试", ValidityNote = "测试",
            Exclusivity = Pick(Enum.GetValues<ExclusivityScope>()), ExclusivityArticle = "第九条",
            Articles = articles, SharedLimits = shared, Pools = pools,
        };
        var errors = CatalogValidator.Validate(doc);
        if (errors.Count > 0) throw new InvalidOperationException($"generated catalog {seed} is invalid: {string.Join("; ", errors)}");
        return doc;
    }
}
