using PolicyPortal.Domain.Applications;
using static PolicyPortal.Domain.Applications.ApplicationAction;
using static PolicyPortal.Domain.Applications.ApplicationStatus;

namespace PolicyPortal.Domain.Tests.Applications;

/// <summary>The application lifecycle: every status × action, who may act, and the bilingual refusals.</summary>
public class ApplicationStateMachineTests
{
    // The lifecycle as the brief states it, written out independently of the implementation.
    private static readonly Dictionary<(ApplicationStatus, ApplicationAction), ApplicationStatus> Allowed = new()
    {
        [(Draft, Submit)] = Submitted,
        [(Submitted, StartReview)] = UnderReview,
        [(UnderReview, ReturnForSupplement)] = ReturnedForSupplement,
        [(ReturnedForSupplement, Resubmit)] = Submitted,
        [(UnderReview, Decide)] = Approved, // with every claim approved
        [(Draft, Withdraw)] = Withdrawn,
        [(Submitted, Withdraw)] = Withdrawn,
        [(UnderReview, Withdraw)] = Withdrawn,
        [(ReturnedForSupplement, Withdraw)] = Withdrawn,
        [(ReturnedForSupplement, Expire)] = Expired,
        // Two-stage review (初审 → 复审).
        [(UnderReview, CompleteFirstStage)] = AwaitingSecondReview,
        [(AwaitingSecondReview, Decide)] = Approved,
        [(AwaitingSecondReview, SendBack)] = UnderReview,
        [(AwaitingSecondReview, ReturnForSupplement)] = ReturnedForSupplement,
        [(AwaitingSecondReview, Withdraw)] = Withdrawn,
    };

    private static readonly Dictionary<ApplicationAction, ActorRole> Performer = new()
    {
        [Submit] = ActorRole.Enterprise,
        [StartReview] = ActorRole.Reviewer,
        [ReturnForSupplement] = ActorRole.Reviewer,
        [Resubmit] = ActorRole.Enterprise,
        [Decide] = ActorRole.Reviewer,
        [Withdraw] = ActorRole.Enterprise,
        [Expire] = ActorRole.System,
        [CompleteFirstStage] = ActorRole.Reviewer,
        [SendBack] = ActorRole.Reviewer,
    };

    private static readonly ClaimDecision[] AllApproved = [ClaimDecision.Approved, ClaimDecision.Approved];

    public static TheoryData<ApplicationStatus, ApplicationAction> EveryStatusAndAction()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationAction>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
            foreach (var action in Enum.GetValues<ApplicationAction>())
                data.Add(status, action);
        return data;
    }

    public static TheoryData<ApplicationAction, ActorRole> EveryActionByAnotherRole()
    {
        var data = new TheoryData<ApplicationAction, ActorRole>();
        foreach (var action in Enum.GetValues<ApplicationAction>())
            foreach (var role in Enum.GetValues<ActorRole>())
                if (role != Performer[action]) data.Add(action, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Action_by_its_role_is_applied_exactly_where_the_lifecycle_allows_it(ApplicationStatus status, ApplicationAction action)
    {
        var applied = ApplicationStateMachine.TryApply(status, action, Performer[action], AllApproved, out var next, out var error);

        if (Allowed.TryGetValue((status, action), out var expected))
        {
            Assert.True(applied, error?.ToString());
            Assert.Equal(expected, next);
            Assert.Null(error);
        }
        else
        {
            Assert.False(applied);
            Assert.Equal(status, next);
            Assert.NotNull(error);
            Assert.False(string.IsNullOrWhiteSpace(error.Zh));
            Assert.False(string.IsNullOrWhiteSpace(error.En));
            Assert.Contains(ApplicationNames.Done(action).Zh, error.Zh, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EveryActionByAnotherRole))]
    public void Action_by_another_role_is_refused_in_every_status(ApplicationAction action, ActorRole role)
    {
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            Assert.False(ApplicationStateMachine.TryApply(status, action, role, AllApproved, out var next, out var error));
            Assert.Equal(status, next);
            Assert.StartsWith("只有", error.Zh, StringComparison.Ordinal);
            Assert.Contains(" only by ", error.En, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void AllowedActions_lists_exactly_the_actions_TryApply_accepts(ApplicationStatus status, ApplicationAction action)
    {
        foreach (var role in Enum.GetValues<ActorRole>())
        {
            var accepted = ApplicationStateMachine.TryApply(status, action, role, AllApproved, out _, out _);
            Assert.Equal(accepted, ApplicationStateMachine.AllowedActions(status, role).Contains(action));
        }
    }

    [Fact]
    public void Withdrawing_a_decided_application_is_refused_as_already_decided()
    {
        foreach (var decided in new[] { Approved, PartiallyApproved, Rejected })
        {
            Assert.False(ApplicationStateMachine.TryApply(decided, Withdraw, ActorRole.Enterprise, out _, out var error));
            Assert.Equal("该申报已审结，不能撤回", error.Zh);
            Assert.Equal("This application has already been decided and can no longer be withdrawn", error.En);
        }
    }

    [Fact]
    public void Acting_on_a_withdrawn_or_expired_application_says_so()
    {
        Assert.False(ApplicationStateMachine.TryApply(Withdrawn, Submit, ActorRole.Enterprise, out _, out var withdrawn));
        Assert.Equal("该申报已撤回，不能提交", withdrawn.Zh);
        Assert.False(ApplicationStateMachine.TryApply(Expired, Resubmit, ActorRole.Enterprise, out _, out var expired));
        Assert.Equal("该申报因逾期未补正已过期，不能补正后重新提交", expired.Zh);
        Assert.Contains("expired", expired.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Submitting_twice_names_the_current_status_and_the_one_allowed()
    {
        Assert.False(ApplicationStateMachine.TryApply(Submitted, Submit, ActorRole.Enterprise, out _, out var error));
        Assert.Equal("申报当前为“已提交”，不能提交（只有“草稿”状态的申报可以提交）", error.Zh);
        Assert.Equal("The application is 'Submitted'; it can be submitted only from 'Draft'", error.En);
    }

    [Fact]
    public void A_reviewer_cannot_withdraw_for_the_enterprise()
    {
        Assert.False(ApplicationStateMachine.TryApply(Submitted, Withdraw, ActorRole.Reviewer, out _, out var error));
        Assert.Equal("只有申报企业可以撤回（当前身份：审核人员）", error.Zh);
        Assert.Equal("An application can be withdrawn only by the applying enterprise (acting as: reviewer)", error.En);
    }

    [Theory]
    [InlineData(new[] { ClaimDecision.Approved }, Approved)]
    [InlineData(new[] { ClaimDecision.Approved, ClaimDecision.Approved, ClaimDecision.Approved }, Approved)]
    [InlineData(new[] { ClaimDecision.Approved, ClaimDecision.Rejected }, PartiallyApproved)]
    [InlineData(new[] { ClaimDecision.Rejected, ClaimDecision.Rejected, ClaimDecision.Approved }, PartiallyApproved)]
    [InlineData(new[] { ClaimDecision.Rejected }, Rejected)]
    [InlineData(new[] { ClaimDecision.Rejected, ClaimDecision.Rejected }, Rejected)]
    public void Decide_leads_to_the_outcome_of_the_claim_decisions(ClaimDecision[] decisions, ApplicationStatus expected)
    {
        Assert.True(ApplicationStateMachine.TryApply(UnderReview, Decide, ActorRole.Reviewer, decisions, out var next, out _));
        Assert.Equal(expected, next);
        Assert.Equal(expected, ApplicationStateMachine.OutcomeOf(decisions));
    }

    [Fact]
    public void Decide_without_claim_decisions_is_refused()
    {
        Assert.False(ApplicationStateMachine.TryApply(UnderReview, Decide, ActorRole.Reviewer, out var next, out var error));
        Assert.Equal(UnderReview, next);
        Assert.Contains("通过或不通过", error.Zh, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ApplicationStateMachine.OutcomeOf([]));
    }

    [Fact]
    public void Final_statuses_are_the_decisions_withdrawal_and_expiry()
    {
        ApplicationStatus[] final = [Approved, PartiallyApproved, Rejected, Withdrawn, Expired];
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            Assert.Equal(final.Contains(status), ApplicationStateMachine.IsFinal(status));
            // Nothing leaves a final status, whoever acts.
            if (final.Contains(status))
                foreach (var role in Enum.GetValues<ActorRole>())
                    Assert.Empty(ApplicationStateMachine.AllowedActions(status, role));
        }
    }

    [Fact]
    public void Enterprise_edits_only_drafts_and_returned_applications()
    {
        foreach (var status in Enum.GetValues<ApplicationStatus>())
            Assert.Equal(status is Draft or ReturnedForSupplement, ApplicationStateMachine.IsEditableByEnterprise(status));
    }

    [Fact]
    public void Allowed_actions_of_an_application_under_review()
    {
        Assert.Equal([Withdraw], ApplicationStateMachine.AllowedActions(UnderReview, ActorRole.Enterprise));
        Assert.Empty(ApplicationStateMachine.AllowedActions(UnderReview, ActorRole.System));
        Assert.Equal([Resubmit, Withdraw], ApplicationStateMachine.AllowedActions(ReturnedForSupplement, ActorRole.Enterprise));
        Assert.Equal([Expire], ApplicationStateMachine.AllowedActions(ReturnedForSupplement, ActorRole.System));
    }

    [Fact]
    public void The_second_stage_confirms_sends_back_or_returns_and_the_enterprise_may_still_withdraw()
    {
        Assert.Equal([ReturnForSupplement, Decide, CompleteFirstStage], ApplicationStateMachine.AllowedActions(UnderReview, ActorRole.Reviewer));
        Assert.Equal([ReturnForSupplement, Decide, SendBack], ApplicationStateMachine.AllowedActions(AwaitingSecondReview, ActorRole.Reviewer));
        Assert.Equal([Withdraw], ApplicationStateMachine.AllowedActions(AwaitingSecondReview, ActorRole.Enterprise));
        Assert.False(ApplicationStateMachine.IsFinal(AwaitingSecondReview));
        Assert.False(ApplicationStateMachine.IsEditableByEnterprise(AwaitingSecondReview));
        Assert.Equal("待复审", AwaitingSecondReview.DisplayName().Zh);
    }

    [Theory]
    [InlineData(Draft, "草稿")]
    [InlineData(Submitted, "已提交")]
    [InlineData(UnderReview, "审核中")]
    [InlineData(ReturnedForSupplement, "待补正")]
    [InlineData(Approved, "已通过")]
    [InlineData(PartiallyApproved, "部分通过")]
    [InlineData(Rejected, "未通过")]
    [InlineData(Withdrawn, "已撤回")]
    [InlineData(Expired, "已过期")]
    public void Each_status_has_a_Chinese_and_an_English_name(ApplicationStatus status, string zh)
    {
        var name = status.DisplayName();
        Assert.Equal(zh, name.Zh);
        Assert.False(string.IsNullOrWhiteSpace(name.En));
    }

    [Fact]
    public void Each_action_and_role_has_names_in_both_languages()
    {
        foreach (var action in Enum.GetValues<ApplicationAction>())
            Assert.All(new[] { action.DisplayName(), ApplicationNames.Done(action) }, n => Assert.False(string.IsNullOrWhiteSpace(n.Zh) || string.IsNullOrWhiteSpace(n.En)));
        foreach (var role in Enum.GetValues<ActorRole>())
            Assert.False(string.IsNullOrWhiteSpace(role.DisplayName().Zh) || string.IsNullOrWhiteSpace(role.DisplayName().En));
    }
}
