namespace PolicyPortal.Domain.Enterprises;

/// <summary>
/// Contact details as lists, exports and audit views show them: a phone number keeps its first three and last four digits
/// (138****5678), an e-mail address its first character and its domain (z***@example.com). Always four (or three) stars,
/// whatever was hidden, so the mask does not tell the length. The reviewer's desk of an application is the one place that
/// shows them in full (docs/security.md, "Personal data").
/// </summary>
public static class ContactMask
{
    public static string Phone(string? phone)
    {
        var p = (phone ?? "").Trim();
        if (p.Length == 0) return "";
        if (p.Length >= 8) return string.Concat(p.AsSpan(0, 3), "****", p.AsSpan(p.Length - 4));
        // Short numbers (an extension, a typo): too little left to keep anything but the last digit.
        return p.Length <= 4 ? "****" : string.Concat("****", p.AsSpan(p.Length - 1));
    }

    public static string Email(string? email)
    {
        var e = (email ?? "").Trim();
        if (e.Length == 0) return "";
        var at = e.LastIndexOf('@');
        if (at <= 0) return "***";
        return string.Concat(e.AsSpan(0, 1), "***", e.AsSpan(at));
    }

    /// <summary>Either kind, told apart by the "@".</summary>
    public static string Any(string? contact) => (contact ?? "").Contains('@', StringComparison.Ordinal) ? Email(contact) : Phone(contact);

    /// <summary>"张三 138****5678": the contact person's name and masked number, as one cell of a list.</summary>
    public static string Person(string? name, string? phone) => string.Join(' ', new[] { (name ?? "").Trim(), Phone(phone) }.Where(s => s.Length > 0));
}
