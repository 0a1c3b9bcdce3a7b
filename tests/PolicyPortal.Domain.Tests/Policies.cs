using System.Globalization;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests;

/// <summary>
/// Small catalogs built in code with the figures of the texts in ../shared/seeds, so unit tests do not move when
/// the shipped catalogs are edited. Each part cites its article through its code (district.article.part).
/// </summary>
internal static class Policies
{
    /// <summary>A part of the given kind; the article and part numbers come from the code.</summary>
    public static ClausePart Part(string code, RuleKind kind, bool open = true) => new()
    {
        Code = code,
        Part = int.Parse(code.Split('.')[2], CultureInfo.InvariantCulture),
        Title = code,
        Text = "（测试）" + code,
        Kind = kind,
        Open = open,
    };

    public static Tier Tier(string key, int level, decimal? rate = null, decimal? amount = null, decimal? cap = null) => new()
    {
        Key = key,
        Name = key switch
        {
            "national" => "国家级",
            "provincial" => "省级",
            "municipal" => "北京市",
            "little-giant" => "国家专精特新“小巨人”",
            "specialized-sme" => "北京市专精特新中小企业",
            _ => key,
        },
        NameEn = key,
        Level = level,
        Rate = rate,
        Amount = amount,
        Cap = cap,
    };

    public static PartLimit Limit(LimitScope scope, decimal amount, string source) => new() { Scope = scope, Amount = amount, Source = source };

    /// <summary>A policy whose articles are made from the parts' codes ("第四条"; bracketed "（六）" when <paramref name="bracketed"/>).</summary>
    public static PolicyDocument Document(string district, string districtName, ExclusivityScope exclusivity, string? exclusivityArticle,
        IEnumerable<ClausePart> parts, IEnumerable<SharedLimit>? shared = null, IEnumerable<BudgetPool>? pools = null, bool bracketed = false)
    {
        var articles = parts
            .GroupBy(p => int.Parse(p.Code.Split('.')[1], CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => new Article
            {
                Number = g.Key,
                Label = bracketed ? $"（{Chinese(g.Key)}）" : $"第{Chinese(g.Key)}条",
                Title = "条款",
                Text = "（测试）",
                Parts = [.. g.OrderBy(p => p.Part)],
            })
            .ToList();
        return new PolicyDocument
        {
            District = district,
            DistrictName = districtName,
            DistrictNameEn = char.ToUpperInvariant(district[0]) + district[1..],
            Name = districtName + "测试政策",
            Issuer = "测试",
            Status = "测试",
            ValidityNote = "测试",
            Exclusivity = exclusivity,
            ExclusivityArticle = exclusivityArticle,
            Articles = articles,
            SharedLimits = [.. shared ?? []],
            Pools = [.. pools ?? []],
        };
    }

    public static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n < 10) return digits[n].ToString();
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
    }

    /// <summary>石景山区 (征求意见稿): 第三条–第十条 figures, 从优不重复 with 区内各项惠企支持政策 (第十三条).</summary>
    public static PolicyDocument Shijingshan() => Document("shijingshan", "石景山区", ExclusivityScope.District, "第十三条",
    [
        Part("shijingshan.3.1", RuleKind.Matching) with { Rate = 0.3m, Cap = 10_000_000m },
        Part("shijingshan.3.2", RuleKind.Rate) with { Rate = 0.3m, Cap = 10_000_000m },
        Part("shijingshan.4.1", RuleKind.Rate) with { Rate = 0.3m, Cap = 10_000_000m, ConsecutiveYears = 2 },
        Part("shijingshan.4.2", RuleKind.Rate) with { Rate = 0.3m, Cap = 3_000_000m, ConsecutiveYears = 2 },
        Part("shijingshan.5.1", RuleKind.UpTo) with { Cap = 3_000_000m },
        Part("shijingshan.6.1", RuleKind.Rent) with
        {
            AreaCeiling = 4000m, ConsecutiveYears = 3,
            Tiers = [Tier("national", 2, rate: 1m), Tier("provincial", 1, rate: 0.8m)],
        },
        Part("shijingshan.6.2", RuleKind.Rate) with
        {
            Rate = 1m, Cap = 5_000_000m, ConsecutiveYears = 3,
            Limits = [Limit(LimitScope.EnterpriseYear, 5_000_000m, "给予每年不超过500万元运营经费支持")],
        },
        Part("shijingshan.7.1", RuleKind.Rate) with { Rate = 0.5m, Cap = 500_000m, OneTime = true },
        Part("shijingshan.9.1", RuleKind.Unquantified, open: false),
    ]);

    /// <summary>通州区: no 从优不重复 in the text; 第一条 and 第三条 yearly limits; 第十一条–第十五条 share 单个企业每年最高200万元.</summary>
    public static PolicyDocument Tongzhou() => Document("tongzhou", "通州区", ExclusivityScope.None, null,
    [
        Part("tongzhou.1.1", RuleKind.Rate) with { Rate = 0.3m, Limits = [Limit(LimitScope.EnterpriseYear, 500_000m, "单个企业年度算力券补贴金额不超过50万元")] },
        Part("tongzhou.2.1", RuleKind.Rate) with { Rate = 0.1m, Limits = [Limit(LimitScope.EnterpriseYear, 1_000_000m, "单个主体年度最高补贴100万元")] },
        Part("tongzhou.3.1", RuleKind.UpTo) with
        {
            Tiers = [Tier("genai", 2, cap: 1_000_000m), Tier("deep-synthesis", 1, cap: 200_000m)],
            Limits = [Limit(LimitScope.EnterpriseYear, 1_000_000m, "单个企业每年最高给予100万元支持")],
        },
        Part("tongzhou.6.1", RuleKind.Rate) with { Rate = 0.3m, Limits = [Limit(LimitScope.EnterpriseYear, 300_000m, "单个企业年度模型券补贴金额不超过30万元")] },
        Part("tongzhou.11.1", RuleKind.UpTo) with { Cap = 500_000m },
        Part("tongzhou.12.1", RuleKind.UpTo) with { Cap = 500_000m },
        Part("tongzhou.13.1", RuleKind.UpTo) with { Cap = 500_000m },
        Part("tongzhou.14.1", RuleKind.UpTo) with { Cap = 500_000m },
        Part("tongzhou.15.1", RuleKind.UpTo) with { Cap = 500_000m },
    ],
    shared:
    [
        new SharedLimit
        {
            Key = "tongzhou.scenario-annual", Name = "重点行业应用 单个企业年度上限", Scope = LimitScope.EnterpriseYear,
            Amount = 2_000_000m, Article = "第十一条至第十五条",
            Parts = ["tongzhou.11.1", "tongzhou.12.1", "tongzhou.13.1", "tongzhou.14.1", "tongzhou.15.1"],
        },
    ]);

    /// <summary>北京经济技术开发区 (京技管发〔2024〕29号): vouchers (第一条、第八条), 一次性 and 晋级补差 (第三条、第十三条), limits of every scope.</summary>
    public static PolicyDocument Yizhuang() => Document("yizhuang", "北京经济技术开发区", ExclusivityScope.District, "附则",
    [
        Part("yizhuang.1.1", RuleKind.Rate) with { Rate = 0.3m, Cap = 20_000_000m, Pool = "yizhuang.compute-voucher" },
        Part("yizhuang.2.1", RuleKind.Rate) with
        {
            Rate = 0.1m, Cap = 10_000_000m,
            Limits = [Limit(LimitScope.ProjectTotal, 10_000_000m, "每个项目累计不超过1000万元")],
        },
        Part("yizhuang.3.1", RuleKind.Fixed) with { Amount = 1_000_000m, OneTime = true },
        Part("yizhuang.4.1", RuleKind.UpTo) with { Cap = 1_000_000m },
        Part("yizhuang.6.1", RuleKind.Matching) with
        {
            Tiers = [Tier("national", 2, rate: 1m), Tier("municipal", 1, rate: 0.5m)],
            Limits = [Limit(LimitScope.EnterpriseTotal, 1_000_000m, "同一单位所获配套资金支持总额最高100万元")],
        },
        Part("yizhuang.8.1", RuleKind.Rate) with { Rate = 0.5m, Cap = 5_000_000m, Pool = "yizhuang.model-voucher" },
        Part("yizhuang.10.1", RuleKind.EquipmentAndSoftware) with { Rate = 0.1m, Cap = 10_000_000m, MinBase = 1_000_000m, SoftwareShareCap = 0.3m },
        Part("yizhuang.11.1", RuleKind.Matching) with
        {
            Rate = 1m, Cap = 20_000_000m,
            Limits = [Limit(LimitScope.ProjectYear, 20_000_000m, "每个项目年度支持金额最高2000万元")],
        },
        Part("yizhuang.13.1", RuleKind.Fixed) with { Amount = 300_000m, OneTime = true },
        Part("yizhuang.13.2", RuleKind.UpTo) with
        {
            OneTime = true, TopUp = true,
            Tiers = [Tier("little-giant", 2, cap: 500_000m), Tier("specialized-sme", 1, cap: 200_000m)],
        },
    ],
    pools:
    [
        new BudgetPool { Key = "yizhuang.compute-voucher", Name = "算力券", YearlyAmount = 100_000_000m, Article = "第一条" },
        new BudgetPool { Key = "yizhuang.model-voucher", Name = "模型券", YearlyAmount = 100_000_000m, Article = "第八条" },
    ]);

    /// <summary>杭州市滨江区 (征求意见稿): bracketed articles, 附则（一） 从优、从高、不重复 and 晋级补差.</summary>
    public static PolicyDocument Binjiang() => Document("binjiang", "滨江区", ExclusivityScope.Policy, "附则（一）",
    [
        Part("binjiang.5.1", RuleKind.Fixed) with
        {
            TopUp = true,
            Tiers = [Tier("lead-international", 2, amount: 1_000_000m), Tier("participate-international", 1, amount: 500_000m)],
        },
        Part("binjiang.5.2", RuleKind.Fixed) with
        {
            TopUp = true,
            Tiers = [Tier("national-top3", 2, amount: 200_000m), Tier("industry-top2", 1, amount: 100_000m)],
        },
        Part("binjiang.14.1", RuleKind.Rent, open: false) with { ConsecutiveYears = 3 },
        Part("binjiang.16.1", RuleKind.UpTo) with { Cap = 20_000_000m },
        Part("binjiang.16.2", RuleKind.UpTo) with { Cap = 20_000_000m, Exclusivity = ExclusivityScope.None },
        Part("binjiang.20.1", RuleKind.Rate) with { Rate = 0.5m, Cap = 1_000_000m, ConsecutiveYears = 3 },
        Part("binjiang.21.1", RuleKind.LoanInterest) with
        {
            LprShare = 0.5m, InterestShare = 0.5m,
            Limits = [Limit(LimitScope.EnterpriseYear, 1_000_000m, "单个企业贴息金额每年不超过100万元")],
        },
    ],
    bracketed: true);

    private static readonly Dictionary<string, CalculationEngine> EngineCache = new(StringComparer.Ordinal);

    public static CalculationEngine Engine(string district)
    {
        lock (EngineCache)
        {
            if (!EngineCache.TryGetValue(district, out var engine))
            {
                engine = new CalculationEngine(district switch
                {
                    "shijingshan" => Shijingshan(),
                    "tongzhou" => Tongzhou(),
                    "yizhuang" => Yizhuang(),
                    "binjiang" => Binjiang(),
                    _ => throw new ArgumentException(district),
                });
                EngineCache.Add(district, engine);
            }
            return engine;
        }
    }

    public static ClaimInput Claim(string id, string clause, decimal? amount = null, string project = "p1", string? tier = null,
        decimal? requested = null, string? enterprise = null, IReadOnlyDictionary<string, decimal>? inputs = null) => new()
    {
        Id = id, Clause = clause, Project = project, Amount = amount, Tier = tier, Requested = requested,
        Enterprise = enterprise, Inputs = inputs,
    };

    public static PriorAward Prior(string clause, int year, decimal granted, string project = "p1", string? tier = null, string? enterprise = null) => new()
    {
        Clause = clause, Year = year, Granted = granted, Project = project, Tier = tier, Enterprise = enterprise,
    };

    public static CalculationResult Calculate(string district, IEnumerable<ClaimInput> claims, IEnumerable<PriorAward>? priors = null,
        IReadOnlyDictionary<string, decimal>? poolUsed = null, int year = 2026) =>
        Engine(district).Calculate(new CalculationRequest
        {
            District = district,
            Year = year,
            Claims = [.. claims],
            PriorAwards = [.. priors ?? []],
            PoolUsed = poolUsed ?? new Dictionary<string, decimal>(),
        });

    public static ClaimResult One(string district, ClaimInput claim, IEnumerable<PriorAward>? priors = null,
        IReadOnlyDictionary<string, decimal>? poolUsed = null, int year = 2026) =>
        Calculate(district, [claim], priors, poolUsed, year).Claims[0];

    public static ClaimResult Get(this CalculationResult result, string id) => result.Find(id) ?? throw new KeyNotFoundException(id);
}
