namespace PolicyPortal.Infrastructure.Data.Enterprises;

/// <summary>An enterprise's file (一企一档): registration facts, contact, the qualifications clauses ask about, prior awards.</summary>
public sealed class Enterprise
{
    public long Id { get; set; }
    /// <summary>统一社会信用代码, 18 characters, checksum verified; one account per code.</summary>
    public string CreditCode { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The district where it is registered.</summary>
    public string District { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>The account that owns this file.</summary>
    public string OwnerUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<EnterpriseQualification> Qualifications { get; set; } = [];
    public List<ExternalAward> ExternalAwards { get; set; } = [];
}

/// <summary>A qualification the enterprise holds (keys of docs/catalog-format.md: genai-filed, little-giant, high-tech …).</summary>
public sealed class EnterpriseQualification
{
    public long EnterpriseId { get; set; }
    public string Key { get; set; } = "";
    public DateOnly? Since { get; set; }
}

/// <summary>An award the enterprise received before or outside the portal, as it declares it (the reviewer verifies).</summary>
public sealed class ExternalAward
{
    public long Id { get; set; }
    public long EnterpriseId { get; set; }
    public string Clause { get; set; } = "";
    public string? Tier { get; set; }
    public string Project { get; set; } = "";
    public int Year { get; set; }
    /// <summary>Money in whole fen (exact, and summable in SQL on both providers).</summary>
    public long GrantedFen { get; set; }
    public string? Note { get; set; }
}
