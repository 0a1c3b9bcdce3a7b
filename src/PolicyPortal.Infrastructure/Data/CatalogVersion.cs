namespace PolicyPortal.Infrastructure.Data;

/// <summary>
/// One version of a district's catalog, stored whole as JSON in the catalog format. Version 1 of each district is the
/// shipped transcription; administrators' edits add versions. An application keeps the version it was calculated with.
/// </summary>
public sealed class CatalogVersion
{
    public long Id { get; set; }
    public string District { get; set; } = "";
    public int Version { get; set; }
    public CatalogVersionStatus Status { get; set; }
    /// <summary>The catalog in the shipped JSON format (PolicyDocument).</summary>
    public string Json { get; set; } = "";
    public string Reason { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    /// <summary>The maker's user id: the checker must be someone else (maker-checker).</summary>
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The version it was edited from: approval is refused if another version took effect meanwhile.</summary>
    public int? BasedOn { get; set; }
    /// <summary>The day (yyyyMMdd, Beijing) from which it applies to new calculations; 0 for the shipped version.</summary>
    public int EffectiveDay { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

public enum CatalogVersionStatus
{
    Active = 0,
    Superseded = 1,
    Pending = 2,
    Rejected = 3,
    /// <summary>Approved with an effective day still to come; active from that day.</summary>
    Scheduled = 4,
}
