namespace PolicyPortal.Domain.Applications;

/// <summary>What someone does to an application; each action belongs to one <see cref="ActorRole"/>.</summary>
public enum ApplicationAction
{
    /// <summary>Enterprise: Draft → Submitted.</summary>
    Submit,
    /// <summary>Reviewer: Submitted → UnderReview.</summary>
    StartReview,
    /// <summary>Reviewer: UnderReview → ReturnedForSupplement (退回补正).</summary>
    ReturnForSupplement,
    /// <summary>Enterprise: ReturnedForSupplement → Submitted.</summary>
    Resubmit,
    /// <summary>Reviewer: UnderReview → Approved, PartiallyApproved or Rejected, from the claim decisions.</summary>
    Decide,
    /// <summary>Enterprise: before a decision (Draft, Submitted, UnderReview, ReturnedForSupplement) → Withdrawn.</summary>
    Withdraw,
    /// <summary>System: ReturnedForSupplement → Expired when the supplement deadline passes.</summary>
    Expire,
}

/// <summary>Who acts on an application.</summary>
public enum ActorRole
{
    Enterprise,
    Reviewer,
    /// <summary>Scheduled jobs (the supplement deadline).</summary>
    System,
}

/// <summary>A reviewer's verdict on one claim of an application.</summary>
public enum ClaimDecision
{
    Approved,
    Rejected,
}
