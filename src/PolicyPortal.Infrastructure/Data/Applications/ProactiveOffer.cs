namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// A 免申即享 offer: an administrator's match found that the enterprise qualifies for a fixed award from data the portal holds.
/// The enterprise confirms (意愿确认) — an application is made for it and goes through the normal review and caps — or declines.
/// </summary>
public sealed class ProactiveOffer
{
    public long Id { get; set; }
    public string District { get; set; } = "";
    public int Year { get; set; }
    public long EnterpriseId { get; set; }
    public string Clause { get; set; } = "";
    /// <summary>What the engine gave at the match (fen); the review decides the amount.</summary>
    public long EstimateFen { get; set; }
    public ProactiveOfferStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>The application made on confirmation.</summary>
    public long? ApplicationId { get; set; }
}

public enum ProactiveOfferStatus
{
    Offered,
    Confirmed,
    Declined,
}
