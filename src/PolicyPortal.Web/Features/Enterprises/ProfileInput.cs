using FluentValidation;

namespace PolicyPortal.Web.Features.Enterprises;

/// <summary>The editable part of an enterprise's file: contact and qualifications (name, code and district are fixed at registration).</summary>
public sealed class ProfileInput
{
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string? Email { get; set; }
}

internal sealed partial class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator()
    {
        RuleFor(x => x.ContactName).NotEmpty().WithMessage("请输入联系人").MaximumLength(100).WithMessage("联系人不超过 100 字");
        RuleFor(x => x.ContactPhone).NotEmpty().WithMessage("请输入联系电话")
            .Matches(Phone()).WithMessage("联系电话格式不正确：手机号 11 位，或座机如 010-12345678");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("邮箱格式不正确").MaximumLength(256);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial System.Text.RegularExpressions.Regex Phone();
}
