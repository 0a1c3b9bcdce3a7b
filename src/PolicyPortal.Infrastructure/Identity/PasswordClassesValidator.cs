using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Infrastructure.Identity;

/// <summary>
/// The password rule Identity's options cannot state: at least N of the four character classes, and a maximum length.
/// (Identity's own options require each class separately, which is stricter than the policy.)
/// </summary>
public sealed class PasswordClassesValidator(IOptions<AccountOptions> options) : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var rules = options.Value;
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > rules.PasswordMaxLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"密码不能超过 {rules.PasswordMaxLength} 个字符" });
        var classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
                      + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (classes < rules.PasswordCharacterClasses)
            errors.Add(new IdentityError { Code = "PasswordClasses", Description = $"密码须包含小写字母、大写字母、数字、符号中的至少 {rules.PasswordCharacterClasses} 类" });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
