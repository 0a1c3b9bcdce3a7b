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
    /// <summary>Seed the demo accounts (on by default on the embedded SQLite database only).</summary>
    public bool? SeedDemoAccounts { get; set; }
}
