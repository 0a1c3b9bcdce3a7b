using Microsoft.Net.Http.Headers;
using PolicyPortal.Infrastructure.Data.Applications;
using PolicyPortal.Infrastructure.Storage;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>One way to send evidence back, whoever may read it: always an attachment, with the sanitised name.</summary>
internal static class EvidenceDownload
{
    public static async Task<IResult> SendAsync(HttpContext http, IEvidenceStore store, Evidence? evidence, CancellationToken ct)
    {
        var stream = evidence is null ? null : await store.OpenReadAsync(evidence.StorageKey, ct);
        if (evidence is null || stream is null) return Results.NotFound();
        // Never rendered inline in the portal's origin; nosniff comes from the security headers.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(evidence.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Stream(stream, evidence.ContentType);
    }
}
