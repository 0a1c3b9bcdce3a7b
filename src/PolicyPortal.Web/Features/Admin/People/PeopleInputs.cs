using FluentValidation;
using Microsoft.Extensions.Localization;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Admin.People;

/// <summary>The invitation form: the new staff member's sign-in name, name, e-mail (the link goes there), role and district.</summary>
public sealed class InviteInput
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = PortalRoles.Reviewer;
    /// <summary>A district key, or empty for portal-wide (admins and auditors only).</summary>
    public string District { get; set; } = "";
}

/// <summary>The role and district of an existing staff member.</summary>
public sealed class StaffChangeInput
{
    public string Role { get; set; } = "";
    public string District { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>Disabling or enabling a staff account, locking or unlocking an enterprise's: the reason goes into the audit log.</summary>
public sealed class AccountStateInput
{
    public string Reason { get; set; } = "";
}

/// <summary>Role and district together: a reviewer always works for a district; admins and auditors may be portal-wide.</summary>
internal static class StaffRules
{
    public static bool DistrictFits(string role, string district) =>
        district.Length == 0 ? role != PortalRoles.Reviewer : Districts.IsKnown(district);
}

internal sealed partial class InviteInputValidator : AbstractValidator<InviteInput>
{
    public InviteInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage(l["People.UserNameRequired"])
            .Matches(UserNamePattern()).WithMessage(l["People.UserNameRule"]);
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(l["People.DisplayNameRequired"]).MaximumLength(100).WithMessage(l["People.DisplayNameLength"]);
        RuleFor(x => x.Email).NotEmpty().WithMessage(l["People.EmailRequired"])
            .EmailAddress().WithMessage(l["People.EmailInvalid"]).MaximumLength(256).WithMessage(l["People.EmailInvalid"]);
        RuleFor(x => x.Role).Must(r => PortalRoles.Staff.Contains(r, StringComparer.Ordinal)).WithMessage(l["People.RoleRequired"]);
        RuleFor(x => x.District).Must((x, d) => StaffRules.DistrictFits(x.Role, d ?? "")).WithMessage(l["People.DistrictRule"]);
    }

    /// <summary>Lower-case letters, digits, dot, dash and underscore, 3–64 characters, starting with a letter or digit.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial System.Text.RegularExpressions.Regex UserNamePattern();
}

internal sealed class StaffChangeInputValidator : AbstractValidator<StaffChangeInput>
{
    public StaffChangeInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Role).Must(r => PortalRoles.Staff.Contains(r, StringComparer.Ordinal)).WithMessage(l["People.RoleRequired"]);
        RuleFor(x => x.District).Must((x, d) => StaffRules.DistrictFits(x.Role, d ?? "")).WithMessage(l["People.DistrictRule"]);
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["People.ReasonRequired"]).MaximumLength(500).WithMessage(l["People.ReasonLength"]);
    }
}

internal sealed class AccountStateInputValidator : AbstractValidator<AccountStateInput>
{
    public AccountStateInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["People.ReasonRequired"]).MaximumLength(500).WithMessage(l["People.ReasonLength"]);
    }
}
