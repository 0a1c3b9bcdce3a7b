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
    public DateTimeOffset CreatedAt { get; set; }
}

public enum CatalogVersionStatus
{
    Active = 0,
    Superseded = 1,
    Pending = 2,
    Rejected = 3,
}
