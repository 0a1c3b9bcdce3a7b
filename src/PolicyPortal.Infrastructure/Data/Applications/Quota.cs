namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// How much of one ceiling has been approved: per enterprise and year (or all years, or per project) for a clause's
/// limit or a shared limit, and per year for a budget pool. Approvals change it only by a conditional update
/// (used + amount ≤ cap), and a CHECK constraint is the backstop: two reviewers approving at once can never overspend.
/// </summary>
public sealed class Quota
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public long CapFen { get; set; }
    public long UsedFen { get; set; }
}
