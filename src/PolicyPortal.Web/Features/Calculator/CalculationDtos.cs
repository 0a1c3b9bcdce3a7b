using FluentValidation;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>POST /api/v1/calculations: one district and year, the claims, and prior awards from the ledger.</summary>
public sealed class CalculationRequestDto
{
    public string? District { get; set; }
    public int? Year { get; set; }
    public List<ClaimDto>? Claims { get; set; }
    public List<PriorAwardDto>? PriorAwards { get; set; }
    /// <summary>What other enterprises have already drawn from each budget pool this year.</summary>
    public Dictionary<string, decimal>? PoolUsed { get; set; }

    public CalculationRequest ToDomain() => new()
    {
        District = District!,
        Year = Year!.Value,
        Claims = [.. (Claims ?? []).Select(c => new ClaimInput
        {
            Id = c.Id!, Clause = c.Clause!, Tier = c.Tier, Project = c.Project!, Amount = c.Amount, Requested = c.Requested, Inputs = c.Inputs,
        })],
        PriorAwards = [.. (PriorAwards ?? []).Select(p => new PriorAward
        {
            Clause = p.Clause!, Tier = p.Tier, Project = p.Project!, Year = p.Year ?? 0, Granted = p.Granted ?? 0,
        })],
        PoolUsed = PoolUsed ?? [],
    };
}

public sealed class ClaimDto
{
    public string? Id { get; set; }
    public string? Clause { get; set; }
    public string? Tier { get; set; }
    public string? Project { get; set; }
    /// <summary>The base the rate applies to (yuan).</summary>
    public decimal? Amount { get; set; }
    public decimal? Requested { get; set; }
    /// <summary>Further named inputs the clause documents (area, equipment, software, lpr, interestPaid …).</summary>
    public Dictionary<string, decimal>? Inputs { get; set; }
}

public sealed class PriorAwardDto
{
    public string? Clause { get; set; }
    public string? Tier { get; set; }
    public string? Project { get; set; }
    public int? Year { get; set; }
    public decimal? Granted { get; set; }
}

public sealed record CalculationResponseDto(string District, int Year, int CatalogVersion, IReadOnlyList<ClaimResultDto> Claims, decimal TotalGranted);

public sealed record ClaimResultDto(
    string Id, string Clause, string? Tier, string Project, decimal Eligible, decimal Granted, decimal? Cap, string Article,
    IReadOnlyList<string> Explanation, IReadOnlyList<string> ExplanationEn);

/// <summary>The request's shape; the engine then checks it against the catalog (clauses, tiers, inputs).</summary>
internal sealed class CalculationRequestValidator : AbstractValidator<CalculationRequestDto>
{
    public const int MaxClaims = 500;
    public const int MaxPriorAwards = 5000;

    public CalculationRequestValidator()
    {
        RuleFor(r => r.District).Must(Districts.IsKnown).WithMessage(r => $"未知的区“{r.District}”，可选：{string.Join("、", Districts.All)} / Unknown district");
        RuleFor(r => r.Year).NotNull().WithMessage("缺少年度 year / year is required")
            .InclusiveBetween(2000, 2100).WithMessage("年度须在 2000–2100 之间 / year must be between 2000 and 2100");
        RuleFor(r => r.Claims).NotEmpty().WithMessage("至少需要一项申报 claims / at least one claim is required")
            .Must(c => c is null || c.Count <= MaxClaims).WithMessage($"一次最多 {MaxClaims} 项申报 / at most {MaxClaims} claims");
        RuleFor(r => r.PriorAwards).Must(p => p is null || p.Count <= MaxPriorAwards).WithMessage($"历史拨付最多 {MaxPriorAwards} 条 / at most {MaxPriorAwards} prior awards");
        // "claims": [null] reaches here as a null element, which the child rules below skip (ToDomain would then throw).
        RuleForEach(r => r.Claims).NotNull().WithMessage("申报项不能为 null / a claim must not be null");
        RuleForEach(r => r.PriorAwards).NotNull().WithMessage("历史拨付项不能为 null / a prior award must not be null");
        RuleForEach(r => r.Claims).ChildRules(claim =>
        {
            claim.RuleFor(c => c.Id).NotEmpty().WithMessage("缺少 id / id is required").MaximumLength(100).WithMessage("id 过长 / id too long");
            claim.RuleFor(c => c.Clause).NotEmpty().WithMessage("缺少条款编码 clause / clause is required").MaximumLength(100).WithMessage("clause 过长 / clause too long");
            claim.RuleFor(c => c.Project).NotEmpty().WithMessage("缺少项目 project / project is required").MaximumLength(200).WithMessage("project 过长 / project too long");
            claim.RuleFor(c => c.Tier).MaximumLength(100).WithMessage("tier 过长 / tier too long");
            claim.RuleFor(c => c.Inputs).Must(i => i is null || i.Count <= 20).WithMessage("inputs 过多 / too many inputs");
        });
        RuleForEach(r => r.PriorAwards).ChildRules(award =>
        {
            award.RuleFor(a => a.Clause).NotEmpty().WithMessage("缺少条款编码 clause / clause is required");
            award.RuleFor(a => a.Project).NotEmpty().WithMessage("缺少项目 project / project is required");
            award.RuleFor(a => a.Year).NotNull().WithMessage("缺少年度 year / year is required");
            award.RuleFor(a => a.Granted).NotNull().WithMessage("缺少金额 granted / granted is required")
                .GreaterThanOrEqualTo(0).WithMessage("金额不能为负 / granted must not be negative");
        });
    }
}
