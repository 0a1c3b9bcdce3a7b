using FluentValidation;
using Microsoft.Extensions.Localization;

namespace PolicyPortal.Web.Features.Account;

/// <summary>The invitee's first password (the policy itself is checked by Identity's validators when it is set).</summary>
public sealed class ActivationInput
{
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

internal sealed class ActivationInputValidator : AbstractValidator<ActivationInput>
{
    public ActivationInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Password).NotEmpty().WithMessage(l["Validation.PasswordRequired"]).MaximumLength(128);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(l["Activate.Mismatch"]);
    }
}
