namespace PolicyPortal.Domain.Applications;

/// <summary>How statuses, actions and roles are shown to users, in both languages.</summary>
public static class ApplicationNames
{
    public static BilingualText DisplayName(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => new("草稿", "Draft"),
        ApplicationStatus.Submitted => new("已提交", "Submitted"),
        ApplicationStatus.UnderReview => new("审核中", "Under review"),
        ApplicationStatus.ReturnedForSupplement => new("待补正", "Returned for supplement"),
        ApplicationStatus.Approved => new("已通过", "Approved"),
        ApplicationStatus.PartiallyApproved => new("部分通过", "Partially approved"),
        ApplicationStatus.Rejected => new("未通过", "Rejected"),
        ApplicationStatus.Withdrawn => new("已撤回", "Withdrawn"),
        ApplicationStatus.Expired => new("已过期", "Expired"),
        ApplicationStatus.AwaitingSecondReview => new("待复审", "Awaiting second review"),
    };

    public static BilingualText DisplayName(this ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => new("提交申报", "Submit"),
        ApplicationAction.StartReview => new("开始审核", "Start review"),
        ApplicationAction.ReturnForSupplement => new("退回补正", "Return for supplement"),
        ApplicationAction.Resubmit => new("补正后重新提交", "Resubmit"),
        ApplicationAction.Decide => new("作出审核结论", "Decide"),
        ApplicationAction.Withdraw => new("撤回申报", "Withdraw"),
        ApplicationAction.Expire => new("逾期处理", "Expire"),
        ApplicationAction.CompleteFirstStage => new("初审完成，提交复审", "Complete first review"),
        ApplicationAction.SendBack => new("复审退回初审", "Send back to first review"),
    };

    public static BilingualText DisplayName(this ActorRole role) => role switch
    {
        ActorRole.Enterprise => new("申报企业", "enterprise"),
        ActorRole.Reviewer => new("审核人员", "reviewer"),
        ActorRole.System => new("系统", "system"),
    };

    /// <summary>The action inside a sentence: "不能{Zh}" / "cannot be {En}".</summary>
    internal static BilingualText Done(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => new("提交", "submitted"),
        ApplicationAction.StartReview => new("开始审核", "taken into review"),
        ApplicationAction.ReturnForSupplement => new("退回补正", "returned for supplement"),
        ApplicationAction.Resubmit => new("补正后重新提交", "resubmitted"),
        ApplicationAction.Decide => new("作出审核结论", "decided"),
        ApplicationAction.Withdraw => new("撤回", "withdrawn"),
        ApplicationAction.Expire => new("作逾期处理", "expired"),
        ApplicationAction.CompleteFirstStage => new("提交复审", "passed to second review"),
        ApplicationAction.SendBack => new("退回初审", "sent back to first review"),
    };

    /// <summary>Who may act, inside a sentence: "只有{Zh}可以…" / "Only {En} can …".</summary>
    internal static BilingualText Only(ActorRole role) => role switch
    {
        ActorRole.Enterprise => new("申报企业", "the applying enterprise"),
        ActorRole.Reviewer => new("审核人员", "a reviewer"),
        ActorRole.System => new("系统", "the system"),
    };
}
