namespace PolicyPortal.Domain.Catalog;

/// <summary>
/// One district's policy as transcribed from its text (one JSON file per district, docs/catalog-format.md).
/// Every figure carries the article it comes from; the original wording is kept in Simplified script.
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>District key: fengtai, shijingshan, yizhuang, tongzhou, binjiang.</summary>
    public required string District { get; init; }
    public required string DistrictName { get; init; }
    public string? DistrictNameEn { get; init; }
    /// <summary>Full title of the policy text.</summary>
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    /// <summary>The body that issues and interprets it (负责解释).</summary>
    public required string Issuer { get; init; }
    /// <summary>文号, e.g. 京技管发〔2024〕29号, when the text gives one.</summary>
    public string? DocumentNumber { get; init; }
    /// <summary>征求意见稿 / 起草说明 / 正式印发 …</summary>
    public required string Status { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>The validity wording of the text, with what was assumed where it gives no date.</summary>
    public required string ValidityNote { get; init; }
    /// <summary>Default 从优不重复 scope of the policy's parts.</summary>
    public ExclusivityScope Exclusivity { get; init; }
    /// <summary>Article establishing the exclusivity rule, e.g. "第十三条" or "附则（一）".</summary>
    public string? ExclusivityArticle { get; init; }
    /// <summary>The policy-wide 晋级补差 rule (Binjiang 附则（一）): tiered parts pay only the difference on promotion.</summary>
    public bool UpgradeTopUp { get; init; }
    public IReadOnlyList<GeneralRule> GeneralRules { get; init; } = [];
    /// <summary>Eligibility conditions that apply to every part (e.g. Yizhuang's 附则).</summary>
    public IReadOnlyList<string> Eligibility { get; init; } = [];
    /// <summary>Yearly ceilings that several parts share (Tongzhou arts. 11–15).</summary>
    public IReadOnlyList<SharedLimit> SharedLimits { get; init; } = [];
    /// <summary>Yearly budget pools (e.g. Yizhuang's 1亿 算力券).</summary>
    public IReadOnlyList<BudgetPool> Pools { get; init; } = [];
    public IReadOnlyList<Article> Articles { get; init; } = [];
}

/// <summary>A rule of the text that governs the policy as a whole (exclusivity, interpretation, validity).</summary>
public sealed record GeneralRule
{
    /// <summary>Where it stands: "第十三条", "附则（一）".</summary>
    public required string Article { get; init; }
    public required string Text { get; init; }
    /// <summary>One sentence on what the portal does with it.</summary>
    public required string Effect { get; init; }
}

/// <summary>A ceiling shared by a group of parts (or one part), counted against the enterprise's ledger.</summary>
public sealed record SharedLimit
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public LimitScope Scope { get; init; }
    public decimal Amount { get; init; }
    public required string Article { get; init; }
    /// <summary>Codes of the parts sharing it.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];
}

/// <summary>A yearly budget pool consumed by approvals across all enterprises; never goes negative.</summary>
public sealed record BudgetPool
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public decimal YearlyAmount { get; init; }
    public required string Article { get; init; }
}

/// <summary>One article (条) of the text, with its original wording and the support rules (parts) it states.</summary>
public sealed record Article
{
    /// <summary>The article's number in the text: 第四条 → 4; Binjiang's （六） → 6.</summary>
    public int Number { get; init; }
    /// <summary>As printed: "第四条", "（六）".</summary>
    public required string Label { get; init; }
    /// <summary>The chapter heading it sits under, if any, e.g. "二、完善要素保障".</summary>
    public string? Chapter { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    /// <summary>The article's full original wording (Simplified script).</summary>
    public required string Text { get; init; }
    /// <summary>Responsible department (责任单位/责任部门), when the text names one.</summary>
    public string? Department { get; init; }
    public IReadOnlyList<ClausePart> Parts { get; init; } = [];
}
