using Microsoft.Net.Http.Headers;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Storage;

namespace PolicyPortal.Web.Features.Review;

/// <summary>
/// Shows a PDF or image in the reviewer's browser. Only types that cannot run script in the portal's origin are shown inline
/// (the stored type came from content sniffing at upload, not from the file name), and the answer carries a sandboxing
/// Content-Security-Policy that loads nothing else.
/// </summary>
internal static class EvidencePreview
{
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal) { "application/pdf", "image/png", "image/jpeg" };

    public static bool CanPreview(string contentType) => Inline.Contains(contentType);

    public static async Task<IResult> SendAsync(HttpContext http, IEvidenceStore store, Evidence? evidence, CancellationToken ct)
    {
        if (evidence is null || !CanPreview(evidence.ContentType)) return Results.NotFound();
        var stream = await store.OpenReadAsync(evidence.StorageKey, ct);
        if (stream is null) return Results.NotFound();
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(evidence.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        // Images are sandboxed outright; Chromium's PDF viewer refuses sandboxed documents, and it runs the PDF in its own
        // origin anyway, so a PDF gets a policy that loads nothing else.
        http.Response.Headers.ContentSecurityPolicy = evidence.ContentType == "application/pdf"
            ? "default-src 'none'; frame-ancestors 'none'"
            : "sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'none'";
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(stream, evidence.ContentType);
    }
}
