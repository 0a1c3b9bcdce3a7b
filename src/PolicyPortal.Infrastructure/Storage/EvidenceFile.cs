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

    /// <summary>The uploader's file name made safe to show and to send back: no path, no control characters, at most 100 characters.</summary>
    public static string SafeName(string? name, EvidenceType type)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string([.. last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim().TrimStart('.');
        if (clean.Length > 100) clean = clean[^100..];
        var extension = type switch { EvidenceType.Pdf => ".pdf", EvidenceType.Jpeg => ".jpg", EvidenceType.Png => ".png", EvidenceType.Ofd => ".ofd" };
        if (clean.Length == 0) clean = "evidence" + extension;
        return clean;
    }
}
