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
    /// <summary>A session ends this long after its sign-in, however active it has been.</summary>
    public double AbsoluteTimeoutHours { get; set; } = 8;
    /// <summary>
    /// How often a session's security stamp is compared with the database: a password change or a second factor switched
    /// on or off ends the user's other sessions within this time. Each check is one primary-key read.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 60;
    /// <summary>
    /// <c>Always</c> (the sign-in cookie is sent only over HTTPS) or <c>SameAsRequest</c>. Unset: Always, except in the
    /// Development and Testing environments, where plain-http <c>dotnet run</c> and the in-process tests need SameAsRequest.
    /// </summary>
    public string? CookieSecurePolicy { get; set; }
    /// <summary>Roles that may turn on a TOTP second factor, comma-separated (a string, not an array: configuration binding appends to array defaults).</summary>
    public string TwoFactorRoles { get; set; } = $"{PortalRoles.Reviewer},{PortalRoles.Admin}";
    /// <summary>When on, an administrator without a second factor is sent to set one up before any other page.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
    /// <summary>
    /// The portal's public address for links in e-mails (invitations), e.g. https://zc.example.gov.cn. Without it the
    /// address of the administrator's request is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>Seed the demo accounts (on by default on the embedded SQLite database only).</summary>
    public bool? SeedDemoAccounts { get; set; }
    /// <summary>The first portal-wide administrator of a new database (see <see cref="FirstAdministrator"/>).</summary>
    public FirstAdminOptions FirstAdmin { get; set; } = new();

    public IReadOnlyList<string> TwoFactorRoleList =>
        TwoFactorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
