using System.Globalization;
using Microsoft.AspNetCore.Identity;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Web.Features.Account;

internal enum SignInStep
{
    Done,
    /// <summary>Password right; the user has a second factor and must give a code on the next page.</summary>
    SecondFactor,
    LockedOut,
    Failed,
    /// <summary>The second step was reached without a pending first step (or after it timed out).</summary>
    NoPendingSignIn,
}

/// <summary>
/// The two steps of sign-in (password, then a TOTP or recovery code when the user has a second factor), each attempt
/// written to the audit log with its outcome. The user is only ever told "wrong user name or password", never which.
/// </summary>
internal sealed class AccountSignIn(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SignInAudit audit, TotpReplayGuard replay, IHttpContextAccessor accessor)
{
    private static string? dummyHash;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("Sign-in needs a request.");

    public async Task<SignInStep> PasswordAsync(string userName, string password, bool remember)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            // Spend the same hashing work as a wrong password, so the answer's timing does not tell which names exist.
            var hasher = users.PasswordHasher;
            dummyHash ??= hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(new PortalUser(), dummyHash, password);
            await audit.RecordAsync(Http, SignInActions.Failed, userName, null, "unknown user");
            return SignInStep.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(Http, SignInActions.Succeeded, userName, user.Id, "password");
            return SignInStep.Done;
        }
        if (result.RequiresTwoFactor)
        {
            await audit.RecordAsync(Http, SignInActions.PasswordAccepted, userName, user.Id, "second factor required");
            return SignInStep.SecondFactor;
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(Http, SignInActions.LockedOut, userName, user.Id, LockNote(user));
            return SignInStep.LockedOut;
        }
        await audit.RecordAsync(Http, SignInActions.Failed, userName, user.Id,
            result.IsNotAllowed ? "not allowed" : $"wrong password ({user.AccessFailedCount.ToString(CultureInfo.InvariantCulture)} in a row)");
        return SignInStep.Failed;
    }

    /// <summary>The second step: six digits are a TOTP code; anything else is tried as a one-time recovery code.</summary>
    public async Task<SignInStep> SecondFactorAsync(string code, bool remember)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInStep.NoPendingSignIn;
        var digits = new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var isTotp = digits.Length == 6 && digits.All(char.IsAsciiDigit);
        if (isTotp && await replay.WasUsedAsync(user, digits))
        {
            await audit.RecordAsync(Http, SignInActions.TwoFactorFailed, user.UserName ?? user.Id, user.Id, "replayed authenticator code");
            return SignInStep.Failed;
        }
        var result = isTotp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, remember, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
        var method = isTotp ? "authenticator code" : "recovery code";
        var name = user.UserName ?? user.Id;
        if (result.Succeeded)
        {
            if (isTotp) await replay.RememberAsync(user, digits);
            await audit.RecordAsync(Http, SignInActions.Succeeded, name, user.Id, $"password + {method}");
            return SignInStep.Done;
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(Http, SignInActions.LockedOut, name, user.Id, LockNote(user));
            return SignInStep.LockedOut;
        }
        await audit.RecordAsync(Http, SignInActions.TwoFactorFailed, name, user.Id, $"wrong {method}");
        return SignInStep.Failed;
    }

    /// <summary>Recovery codes are issued as XXXXX-XXXXX in capitals; accept them typed in lower case or without the dash.</summary>
    private static string RecoveryCode(string typed)
    {
        var code = typed.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        return code.Length == 10 && !code.Contains('-', StringComparison.Ordinal) ? $"{code[..5]}-{code[5..]}" : code;
    }

    private static string LockNote(PortalUser user) => user.LockoutEnd is { } end
        ? $"locked until {end.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z"
        : "locked";
}
