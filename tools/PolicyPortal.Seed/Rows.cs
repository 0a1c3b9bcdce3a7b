namespace PolicyPortal.Seed;

/// <summary>The rows the generator makes, column for column as the portal's tables hold them (money in whole fen).</summary>
internal sealed record EnterpriseRow(long Id, string CreditCode, string Name, string District, string ContactName, string ContactPhone,
    string OwnerUserId, DateTimeOffset CreatedAt);

internal sealed class ApplicationRow
{
    public long Id { get; init; }
    public long EnterpriseId { get; init; }
    public required string District { get; init; }
    public int Year { get; init; }
    public required string Status { get; init; }
    public int? CatalogVersion { get; set; }
    public string? TrackingNumber { get; set; }
    public Guid? SubmissionKey { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? SupplementDeadline { get; set; }
    public string? SupplementRequest { get; set; }
    public required string ContactName { get; init; }
    public required string ContactPhone { get; init; }
    public long? FrozenTotalFen { get; set; }
    public int? ReviewDueDay { get; set; }
    public string? FirstStageBy { get; set; }
    public long Version { get; set; }
}

internal sealed record ProjectRow(long Id, long ApplicationId, string Name);

internal sealed class ClaimRow
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public required string Clause { get; init; }
    public string? Tier { get; init; }
    public long? AmountFen { get; init; }
    public long? RequestedFen { get; init; }
    public required string InputsJson { get; init; }
    public required string AttestationsJson { get; init; }
    public long? FrozenEligibleFen { get; set; }
    public long? FrozenGrantedFen { get; set; }
    public string? FrozenExplanationJson { get; set; }
    public string? Decision { get; set; }
    public long? ApprovedFen { get; set; }
    public string? DecisionReason { get; set; }
    public long Version { get; set; }
}

/// <summary>Everything one seeding run writes.</summary>
internal sealed class SeedRows
{
    public List<EnterpriseRow> Enterprises { get; } = [];
    public List<ApplicationRow> Applications { get; } = [];
    public List<ProjectRow> Projects { get; } = [];
    public List<ClaimRow> Claims { get; } = [];
}
