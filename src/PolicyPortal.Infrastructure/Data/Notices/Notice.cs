namespace PolicyPortal.Infrastructure.Data.Notices;

/// <summary>
/// A published 公示名单: the approved awards of one district policy and year, frozen when an administrator published it, so
/// later approvals do not change what the public saw. It is never edited or withdrawn; a later notice of the same district and
/// year (the next <see cref="Sequence"/>) supersedes it. The notice period runs to the end (23:59:59 Beijing time) of
/// <see cref="EndsDay"/>; awards on it may be paid from the day after.
/// </summary>
public sealed class Notice
{
    public long Id { get; set; }
    public string District { get; set; } = "";
    public int Year { get; set; }
    /// <summary>第 N 期: 1 for the district and year's first notice; the highest one is in force.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    /// <summary>The first day of the notice period (the publication day, Beijing time), as yyyyMMdd.</summary>
    public int StartsDay { get; set; }
    /// <summary>The last day of the notice period, as yyyyMMdd: <see cref="PeriodDays"/> working days after the start.</summary>
    public int EndsDay { get; set; }
    /// <summary>公示期 in working days (5–30).</summary>
    public int PeriodDays { get; set; }
    public int LineCount { get; set; }
    public long TotalFen { get; set; }
    public List<NoticeLine> Lines { get; set; } = [];
}

/// <summary>One award as published: copied, not referenced, so renaming an enterprise or a clause leaves the notice as it was.</summary>
public sealed class NoticeLine
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    /// <summary>序号 on the list, from 1.</summary>
    public int Position { get; set; }
    /// <summary>The claim the award is for (no foreign key: the notice stands on its own).</summary>
    public long ClaimId { get; set; }
    public long ApplicationId { get; set; }
    public string? TrackingNumber { get; set; }
    public string EnterpriseName { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string Project { get; set; } = "";
    public string Clause { get; set; } = "";
    public string ClauseTitle { get; set; } = "";
    public long AmountFen { get; set; }
}

/// <summary>
/// 拨付: an award paid out, with the day and the voucher number (凭证号). One per claim, by a unique index: a claim cannot be
/// paid twice, even by two administrators at the same moment.
/// </summary>
public sealed class Payment
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    /// <summary>The notice whose period had ended when the award was paid.</summary>
    public long NoticeId { get; set; }
    public string District { get; set; } = "";
    public long AmountFen { get; set; }
    public DateOnly PaidOn { get; set; }
    public string Reference { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
