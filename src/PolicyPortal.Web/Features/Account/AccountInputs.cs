using FluentValidation;
using Microsoft.Extensions.Localization;

namespace PolicyPortal.Web.Features.Account;

/// <summary>The second sign-in step: a six-digit authenticator code or a recovery code.</summary>
public sealed class SecondFactorInput
{
    public string Code { get; set; } = "";
}

/// <summary>Password change: the current password and the new one twice.</summary>
public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Confirms the authenticator app set-up with its first code.</summary>
public sealed class EnableTwoFactorInput
{
    public string Code { get; set; } = "";
}

/// <summary>Switching the second factor off takes the password.</summary>
public sealed class DisableTwoFactorInput
{
    public string Password { get; set; } = "";
}

internal sealed class SecondFactorInputValidator : AbstractValidator<SecondFactorInput>
{
    public SecondFactorInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["TwoFactor.CodeRequired"]).MaximumLength(32).WithMessage(l["TwoFactor.CodeWrong"]);
}

internal sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(l["Password.CurrentRequired"]).MaximumLength(128);
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage(l["Password.NewRequired"])
            .NotEqual(x => x.CurrentPassword).WithMessage(l["Password.SameAsCurrent"]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(l["Password.Mismatch"]);
    }
}

internal sealed class EnableTwoFactorInputValidator : AbstractValidator<EnableTwoFactorInput>
{
    public EnableTwoFactorInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["TwoFactor.CodeRequired"]).MaximumLength(32).WithMessage(l["TwoFactor.CodeWrong"]);
}

internal sealed class DisableTwoFactorInputValidator : AbstractValidator<DisableTwoFactorInput>
{
    public DisableTwoFactorInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Password).NotEmpty().WithMessage(l["Validation.PasswordRequired"]).MaximumLength(128);
}
