using FluentValidation;
using Microsoft.Extensions.Localization;

namespace PolicyPortal.Web.Features.Account;

/// <summary>The sign-in form.</summary>
public sealed class LoginInput
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
}

internal sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage(l["Validation.UserNameRequired"]).MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().WithMessage(l["Validation.PasswordRequired"]).MaximumLength(128);
    }
}
