namespace PolicyPortal.Infrastructure.Identity;

/// <summary>Section "Accounts": the sign-in rules, all configurable.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public int PasswordMinLength { get; set; } = 8;
    public int PasswordMaxLength { get; set; } = 64;
    /// <summary>How many of the four classes (lower, upper, digit, symbol) a password needs.</summary>
    public int PasswordCharacterClasses { get; set; } = 3;
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>
    /// How often a signed-in session is checked against its account (security stamp, disabled): a disabled account's open
    /// session ends within this time. Checking on every request would cost several queries per request.
    /// </summary>
    public int SessionRecheckSeconds { get; set; } = 60;
    /// <summary>
    /// The portal's public address for links in e-mails (invitations), e.g. https://zc.example.gov.cn. Without it the
    /// address of the administrator's request is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>Seed the demo accounts (on by default on the embedded SQLite database only).</summary>
    public bool? SeedDemoAccounts { get; set; }
}
