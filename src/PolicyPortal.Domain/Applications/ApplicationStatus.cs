namespace PolicyPortal.Domain.Applications;

/// <summary>Where an application (申报) stands; <see cref="ApplicationStateMachine"/> moves it.</summary>
public enum ApplicationStatus
{
    /// <summary>草稿: the enterprise is still filling it in.</summary>
    Draft,
    /// <summary>已提交: awaiting review.</summary>
    Submitted,
    /// <summary>审核中.</summary>
    UnderReview,
    /// <summary>待补正: returned to the enterprise for supplementary material.</summary>
    ReturnedForSupplement,
    /// <summary>已通过: every claim approved.</summary>
    Approved,
    /// <summary>部分通过: some claims approved, others rejected.</summary>
    PartiallyApproved,
    /// <summary>未通过: every claim rejected.</summary>
    Rejected,
    /// <summary>已撤回 by the enterprise before a decision.</summary>
    Withdrawn,
    /// <summary>已过期: the supplement deadline passed unanswered.</summary>
    Expired,
    /// <summary>待复审: the first stage (初审) decided every claim; a second reviewer confirms or sends it back (policies with two-stage review).</summary>
    AwaitingSecondReview,
}
