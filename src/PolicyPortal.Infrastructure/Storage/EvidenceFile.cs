using System.IO.Compression;

namespace PolicyPortal.Infrastructure.Storage;

/// <summary>The evidence types accepted, recognised by their content (not their name).</summary>
public enum EvidenceType
{
    Pdf,
    Jpeg,
    Png,
    Ofd,
}

/// <summary>Checks an upload: its real type from its first bytes (OFD: a ZIP holding OFD.xml), its size, and a safe display name.</summary>
public static class EvidenceFile
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public static string ContentType(EvidenceType type) => type switch
    {
        EvidenceType.Pdf => "application/pdf",
        EvidenceType.Jpeg => "image/jpeg",
        EvidenceType.Png => "image/png",
        EvidenceType.Ofd => "application/ofd",
    };

    /// <summary>The type by content, or null when the bytes are none of the accepted types (an .exe renamed .pdf).</summary>
    public static EvidenceType? Sniff(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read >= 5 && head[..5].SequenceEqual("%PDF-"u8)) return EvidenceType.Pdf;
        if (read >= 8 && head.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return EvidenceType.Png;
        if (read >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return EvidenceType.Jpeg;
        if (read >= 4 && head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            try
            {
                using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
                var isOfd = zip.Entries.Any(e => string.Equals(e.FullName, "OFD.xml", StringComparison.OrdinalIgnoreCase));
                return isOfd ? EvidenceType.Ofd : null;
            }
            catch (InvalidDataException)
            {
                return null;
            }
            finally
            {
                content.Position = 0;
            }
        }
        return null;
    }

    /// <summary>
    /// The uploader's file name made safe to show and to send back: no path, no control or invisible formatting characters
    /// (a right-to-left override could show "报告.exe" as "exe.告报"), none of the characters Windows forbids, at most 100
    /// characters, and ending in the extension of the type the content was sniffed as ("页面.html" holding a PDF becomes
    /// "页面.html.pdf"), so a saved download opens as what it is.
    /// </summary>
    public static string SafeName(string? name, EvidenceType type)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string([.. last.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format
                                                    && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim().TrimStart('.').TrimEnd('.', ' ');
        var extension = type switch { EvidenceType.Pdf => ".pdf", EvidenceType.Jpeg => ".jpg", EvidenceType.Png => ".png", EvidenceType.Ofd => ".ofd" };
        var fits = clean.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
                   || (type == EvidenceType.Jpeg && clean.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase));
        if (clean.Length == 0) clean = "evidence";
        if (!fits) clean += extension;
        if (clean.Length > 100) clean = clean[^100..];
        return clean;
    }
}
