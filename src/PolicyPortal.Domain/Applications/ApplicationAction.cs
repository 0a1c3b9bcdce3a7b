namespace PolicyPortal.Domain.Applications;

/// <summary>What someone does to an application; each action belongs to one <see cref="ActorRole"/>.</summary>
public enum ApplicationAction
{
    /// <summary>Enterprise: Draft → Submitted.</summary>
    Submit,
    /// <summary>Reviewer: Submitted → UnderReview.</summary>
    StartReview,
    /// <summary>Reviewer: UnderReview or AwaitingSecondReview → ReturnedForSupplement (退回补正); decisions made so far become void.</summary>
    ReturnForSupplement,
    /// <summary>Enterprise: ReturnedForSupplement → Submitted.</summary>
    Resubmit,
    /// <summary>Reviewer: UnderReview (one stage) or AwaitingSecondReview (复审 confirms) → Approved, PartiallyApproved or Rejected, from the claim decisions.</summary>
    Decide,
    /// <summary>Enterprise: before a decision (Draft, Submitted, UnderReview, ReturnedForSupplement, AwaitingSecondReview) → Withdrawn.</summary>
    Withdraw,
    /// <summary>System: ReturnedForSupplement → Expired when the supplement deadline passes.</summary>
    Expire,
    /// <summary>Reviewer (初审): UnderReview → AwaitingSecondReview once every claim is decided, under a two-stage policy.</summary>
    CompleteFirstStage,
    /// <summary>Reviewer (复审): AwaitingSecondReview → UnderReview; the first stage's decisions become void.</summary>
    SendBack,
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
