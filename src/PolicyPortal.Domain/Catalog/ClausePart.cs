namespace PolicyPortal.Domain.Catalog;

/// <summary>
/// One separately stated support rule: code <c>district.article.part</c>. Levels one sentence lists with 分别
/// are <see cref="Tiers"/> of one part. Money in yuan, rates as fractions (0.3 = 30%).
/// </summary>
public sealed record ClausePart
{
    public required string Code { get; init; }
    public int Part { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    /// <summary>The sentence(s) of the article that state this rule, verbatim (Simplified).</summary>
    public required string Text { get; init; }
    public RuleKind Kind { get; init; }
    /// <summary>Open for application. False for parts without figures until an administrator sets them.</summary>
    public bool Open { get; init; }

    /// <summary>Rate applied to the base (Rate, Matching, Rent, EquipmentAndSoftware), as a fraction.</summary>
    public decimal? Rate { get; init; }
    /// <summary>Fixed award (Fixed).</summary>
    public decimal? Amount { get; init; }
    /// <summary>Most one claim can be awarded (最高 …).</summary>
    public decimal? Cap { get; init; }
    /// <summary>Smallest qualifying base (e.g. total investment of at least 1,000,000).</summary>
    public decimal? MinBase { get; init; }
    /// <summary>What the claim's <c>amount</c> is, in words: "当年实际发生的算力购买或租用金额".</summary>
    public string? BaseLabel { get; init; }
    public string? BaseLabelEn { get; init; }

    /// <summary>Rent: the area ceiling in square metres.</summary>
    public decimal? AreaCeiling { get; init; }
    /// <summary>LoanInterest: share of LPR on the principal (0.5 = 不超过LPR的50%).</summary>
    public decimal? LprShare { get; init; }
    /// <summary>LoanInterest: share of the interest actually paid (0.5).</summary>
    public decimal? InterestShare { get; init; }
    /// <summary>EquipmentAndSoftware: software counts at most this share of equipment (0.3).</summary>
    public decimal? SoftwareShareCap { get; init; }

    /// <summary>Levels of one rule (国际/国家/行业标准 …): a claim names one by key.</summary>
    public IReadOnlyList<Tier> Tiers { get; init; } = [];
    /// <summary>Further named inputs the rule reads besides <c>amount</c> (area, equipment, software, lpr, interestPaid …).</summary>
    public IReadOnlyList<InputField> Inputs { get; init; } = [];
    /// <summary>Per-enterprise / per-project ceilings of this part alone.</summary>
    public IReadOnlyList<PartLimit> Limits { get; init; } = [];
    /// <summary>At most this many years of support (连续支持两年/三年).</summary>
    public int? ConsecutiveYears { get; init; }
    /// <summary>Key of the policy's budget pool this part draws on.</summary>
    public string? Pool { get; init; }
    /// <summary>一次性: an enterprise receives it once (per tier when tiered, see TopUp).</summary>
    public bool OneTime { get; init; }
    /// <summary>晋级补差: on reaching a higher tier, only the difference to the lower tier already paid.</summary>
    public bool TopUp { get; init; }
    /// <summary>Overrides the policy's 从优不重复 scope for this part.</summary>
    public ExclusivityScope? Exclusivity { get; init; }

    /// <summary>Profile qualifications the part asks for (keys from docs/catalog-format.md).</summary>
    public IReadOnlyList<string> Qualifications { get; init; } = [];
    /// <summary>Statements the applicant must tick, in the text's words.</summary>
    public IReadOnlyList<string> Attestations { get; init; } = [];
    /// <summary>Evidence to upload (申兑指南).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>Transcriber's note: assumptions where the text is vague.</summary>
    public string? Note { get; init; }
}

/// <summary>One level of a tiered part; its figures override the part's.</summary>
public sealed record Tier
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public decimal? Rate { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Cap { get; init; }
    /// <summary>Rank for 晋级补差: higher is better.</summary>
    public int Level { get; init; }
}

/// <summary>A named input a rule needs besides the base amount.</summary>
public sealed record InputField
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public string? LabelEn { get; init; }
    /// <summary>yuan, m2 or fraction.</summary>
    public required string Unit { get; init; }
}

/// <summary>A ceiling of one part.</summary>
public sealed record PartLimit
{
    public LimitScope Scope { get; init; }
    public decimal Amount { get; init; }
    /// <summary>The words of the text that set it.</summary>
    public string? Source { get; init; }
}
