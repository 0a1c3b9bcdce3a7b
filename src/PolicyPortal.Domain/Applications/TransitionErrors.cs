namespace PolicyPortal.Domain.Applications;

/// <summary>Why an action was refused, in both languages: the status it is in, or who may act instead.</summary>
internal static class TransitionErrors
{
    public static BilingualText WrongRole(ApplicationAction action, ActorRole performer, ActorRole actual)
    {
        var done = ApplicationNames.Done(action);
        var only = ApplicationNames.Only(performer);
        var acting = actual.DisplayName();
        return new($"只有{only.Zh}可以{done.Zh}（当前身份：{acting.Zh}）",
            $"An application can be {done.En} only by {only.En} (acting as: {acting.En})");
    }

    public static BilingualText WrongStatus(ApplicationStatus status, ApplicationAction action, IReadOnlyList<ApplicationStatus> from)
    {
        var done = ApplicationNames.Done(action);
        switch (status)
        {
            case ApplicationStatus.Approved or ApplicationStatus.PartiallyApproved or ApplicationStatus.Rejected:
                return new($"该申报已审结，不能{done.Zh}", $"This application has already been decided and can no longer be {done.En}");
            case ApplicationStatus.Withdrawn:
                return new($"该申报已撤回，不能{done.Zh}", $"This application has been withdrawn and can no longer be {done.En}");
            case ApplicationStatus.Expired:
                return new($"该申报因逾期未补正已过期，不能{done.Zh}",
                    $"This application has expired (the supplement was not provided in time) and can no longer be {done.En}");
            default:
                var current = status.DisplayName();
                var zh = string.Join("、", from.Select(s => $"“{s.DisplayName().Zh}”"));
                var en = string.Join(" or ", from.Select(s => $"'{s.DisplayName().En}'"));
                return new($"申报当前为“{current.Zh}”，不能{done.Zh}（只有{zh}状态的申报可以{done.Zh}）",
                    $"The application is '{current.En}'; it can be {done.En} only from {en}");
        }
    }

    public static BilingualText NoClaimDecisions() => new(
        "作出审核结论前，须对每一项申报事项给出通过或不通过的意见",
        "A decision needs a verdict, approved or rejected, on every claim");
}
