namespace PolicyPortal.Infrastructure.Notifications;

/// <summary>Section "Mail": SMTP when a host is set; otherwise messages are written to a pickup folder (the embedded default).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@policyportal.local";
    /// <summary>Where messages go when no SMTP host is set (relative to the data folder).</summary>
    public string PickupFolder { get; set; } = "mail-pickup";
}
