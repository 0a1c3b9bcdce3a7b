using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;

namespace PolicyPortal.Web.Features.Account;

/// <summary>The audit log's sign-in actions: every attempt and its outcome, under entity "SignIn" keyed by the user name tried.</summary>
internal static class SignInActions
{
    public const string Entity = "SignIn";
    public const string Succeeded = "SignInSucceeded";
    /// <summary>Password right, second factor still to come.</summary>
    public const string PasswordAccepted = "SignInPasswordAccepted";
    /// <summary>Unknown user or wrong password; the note says which (the user is not told).</summary>
    public const string Failed = "SignInFailed";
    public const string LockedOut = "SignInLockedOut";
    public const string TwoFactorFailed = "TwoFactorFailed";
    public const string SignedOut = "SignOut";
    public const string SessionExpired = "SessionExpired";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordChangeFailed = "PasswordChangeFailed";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string TwoFactorDisableRefused = "TwoFactorDisableRefused";
}

/// <summary>
/// Writes one sign-in audit entry and saves it at once: an attempt is recorded whether or not anything else is saved. The
/// address is the connection's remote address, as everywhere in the portal: it is the X-Forwarded-For client only once
/// forwarded-headers processing with known proxies rewrites it, so a client cannot forge its address with a header.
/// </summary>
internal sealed class SignInAudit(PortalDbContext db, AuditLog audit)
{
    public async Task RecordAsync(HttpContext http, string action, string userName, string? userId, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var name = string.IsNullOrWhiteSpace(userName) ? "(empty)" : userName.Trim();
        audit.Add(new AuditActor(userId, name, http.Connection.RemoteIpAddress?.ToString()), SignInActions.Entity, name, action, note: note);
        await db.SaveChangesAsync(CancellationToken.None); // recorded even when the client has gone
    }
}
