namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// What one approved claim took from one quota row. Voiding the approval (the second stage sends it back, the application is
/// returned for supplement or withdrawn) gives exactly these amounts back, whatever the catalog says by then.
/// </summary>
public sealed class QuotaCharge
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public string Key { get; set; } = "";
    public long AmountFen { get; set; }
}
