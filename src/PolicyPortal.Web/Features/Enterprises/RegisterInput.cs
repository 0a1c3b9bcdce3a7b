using FluentValidation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Domain.Enterprises;

namespace PolicyPortal.Web.Features.Enterprises;

/// <summary>The enterprise registration form. The credit code is also the sign-in name.</summary>
public sealed class RegisterInput
{
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string District { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string? Email { get; set; }
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

internal sealed partial class RegisterInputValidator : AbstractValidator<RegisterInput>
{
    public RegisterInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入企业名称").MaximumLength(200).WithMessage("企业名称不超过 200 字");
        RuleFor(x => x.CreditCode).Custom((code, context) =>
        {
            var check = Domain.Enterprises.CreditCode.Check(code);
            if (!check.IsValid) context.AddFailure(check.Message?.Zh ?? "统一社会信用代码无效");
        });
        RuleFor(x => x.District).Must(Districts.IsKnown).WithMessage("请选择注册所在区");
        RuleFor(x => x.ContactName).NotEmpty().WithMessage("请输入联系人").MaximumLength(100).WithMessage("联系人不超过 100 字");
        RuleFor(x => x.ContactPhone).NotEmpty().WithMessage("请输入联系电话")
            .Matches(PhonePattern()).WithMessage("联系电话格式不正确：手机号 11 位，或座机如 010-12345678");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("邮箱格式不正确").MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().WithMessage("请设置密码");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("两次输入的密码不一致");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial System.Text.RegularExpressions.Regex PhonePattern();
}
