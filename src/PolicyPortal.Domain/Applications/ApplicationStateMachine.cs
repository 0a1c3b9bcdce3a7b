using System.Diagnostics.CodeAnalysis;
using static PolicyPortal.Domain.Applications.ApplicationStatus;

namespace PolicyPortal.Domain.Applications;

/// <summary>
/// Which actions each role may take on an application in each status, and where they lead. The one place the
/// lifecycle is written down: pages offer <see cref="AllowedActions"/>, commands call <see cref="TryApply(ApplicationStatus, ApplicationAction, ActorRole, IReadOnlyCollection{ClaimDecision}, out ApplicationStatus, out BilingualText)"/>.
/// </summary>
public static class ApplicationStateMachine
{
    private static readonly ApplicationStatus[] BeforeDecision = [Draft, Submitted, UnderReview, ReturnedForSupplement, AwaitingSecondReview];

    /// <summary>The statuses an action starts from.</summary>
    private static ApplicationStatus[] From(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => [Draft],
        ApplicationAction.StartReview => [Submitted],
        ApplicationAction.ReturnForSupplement => [UnderReview, AwaitingSecondReview],
        ApplicationAction.Resubmit => [ReturnedForSupplement],
        ApplicationAction.Decide => [UnderReview, AwaitingSecondReview],
        ApplicationAction.Withdraw => BeforeDecision,
        ApplicationAction.Expire => [ReturnedForSupplement],
        ApplicationAction.CompleteFirstStage => [UnderReview],
        ApplicationAction.SendBack => [AwaitingSecondReview],
    };

    public static ActorRole PerformedBy(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit or ApplicationAction.Resubmit or ApplicationAction.Withdraw => ActorRole.Enterprise,
        ApplicationAction.StartReview or ApplicationAction.ReturnForSupplement or ApplicationAction.Decide
            or ApplicationAction.CompleteFirstStage or ApplicationAction.SendBack => ActorRole.Reviewer,
        ApplicationAction.Expire => ActorRole.System,
    };

    /// <summary>Decided, withdrawn or expired: nothing more happens to it.</summary>
    public static bool IsFinal(ApplicationStatus status) => status switch
    {
        Draft or Submitted or UnderReview or ReturnedForSupplement or AwaitingSecondReview => false,
        Approved or PartiallyApproved or Rejected or Withdrawn or Expired => true,
    };

    /// <summary>The enterprise may change the content (claims, documents) only while drafting or supplementing.</summary>
    public static bool IsEditableByEnterprise(ApplicationStatus status) => status is Draft or ReturnedForSupplement;

    /// <summary>What the role may do now, in the order of <see cref="ApplicationAction"/>.</summary>
    public static IReadOnlyList<ApplicationAction> AllowedActions(ApplicationStatus status, ActorRole role) =>
        [.. Enum.GetValues<ApplicationAction>().Where(a => PerformedBy(a) == role && From(a).Contains(status))];

    /// <summary>Approved when every claim is approved, Rejected when none is, PartiallyApproved otherwise.</summary>
    public static ApplicationStatus OutcomeOf(IReadOnlyCollection<ClaimDecision> claimDecisions)
    {
        ArgumentNullException.ThrowIfNull(claimDecisions);
        if (claimDecisions.Count == 0) throw new ArgumentException("A decision needs a verdict on at least one claim.", nameof(claimDecisions));
        var approved = claimDecisions.Count(d => d == ClaimDecision.Approved);
        return approved == claimDecisions.Count ? Approved : approved == 0 ? Rejected : PartiallyApproved;
    }

    /// <summary>Any action but <see cref="ApplicationAction.Decide"/>, which needs the claim decisions.</summary>
    public static bool TryApply(ApplicationStatus status, ApplicationAction action, ActorRole role,
        out ApplicationStatus next, [NotNullWhen(false)] out BilingualText? error) =>
        TryApply(status, action, role, [], out next, out error);

    /// <summary>
    /// Applies the action if the role may take it from the status. On refusal <paramref name="next"/> is the
    /// unchanged status and <paramref name="error"/> says why. The role is checked first: an action that is never
    /// the role's is refused as such, whatever the status.
    /// </summary>
    public static bool TryApply(ApplicationStatus status, ApplicationAction action, ActorRole role,
        IReadOnlyCollection<ClaimDecision> claimDecisions, out ApplicationStatus next, [NotNullWhen(false)] out BilingualText? error)
    {
        ArgumentNullException.ThrowIfNull(claimDecisions);
        next = status;
        var performer = PerformedBy(action);
        if (role != performer)
        {
            error = TransitionErrors.WrongRole(action, performer, role);
            return false;
        }
        if (!From(action).Contains(status))
        {
            error = TransitionErrors.WrongStatus(status, action, From(action));
            return false;
        }
        if (action == ApplicationAction.Decide && claimDecisions.Count == 0)
        {
            error = TransitionErrors.NoClaimDecisions();
            return false;
        }
        next = action switch
        {
            ApplicationAction.Submit or ApplicationAction.Resubmit => Submitted,
            ApplicationAction.StartReview => UnderReview,
            ApplicationAction.ReturnForSupplement => ReturnedForSupplement,
            ApplicationAction.Decide => OutcomeOf(claimDecisions),
            ApplicationAction.Withdraw => Withdrawn,
            ApplicationAction.Expire => Expired,
            ApplicationAction.CompleteFirstStage => AwaitingSecondReview,
            ApplicationAction.SendBack => UnderReview,
        };
        error = null;
        return true;
    }
}
