using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Web.Features.Admin.Notices;

namespace PolicyPortal.Web.Features.Audit;

/// <summary>
/// The audit log as CSV (UTF-8 with a byte-order mark, so Excel keeps the Chinese), under the viewer's filter and scope.
/// Exporting is itself recorded in the log: who took which entries out, and when.
/// </summary>
internal static class AuditEndpoints
{
    private static readonly string[] Headers = ["编号", "时间（北京时间）", "操作人", "IP", "所属区", "对象类型", "对象编号", "操作", "操作名称", "变更", "变更前", "变更后", "说明"];

    public static void MapAuditEndpoints(this WebApplication app)
    {
        app.MapGet("/audit/export.csv", async (HttpContext http, ClaimsPrincipal user, AuditSearch search, AuditLog audit, PortalDbContext db, TimeProvider clock,
            Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> names, CancellationToken ct) =>
        {
            var filter = AuditFilter.Parse(http.Request.Query);
            if (!AuditSearch.Allows(user, filter)) return Results.NotFound();
            // Recorded first, in its own save: the export is on record even if the download is cut off.
            audit.Add(AuditActors.For(http), "AuditLog", "export", "ExportAuditLog", null, null, filter.ToQuery() is { Length: > 0 } q ? q : "（全部）",
                district: AuditSearch.DistrictOf(user));
            await db.SaveChangesAsync(ct);

            var stamp = BeijingTime.DateOf(clock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            http.Response.Headers.ContentDisposition = NoticeExport.Disposition($"audit-{stamp}.csv", $"审计日志-{stamp}.csv");
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = NoticeExport.CsvType;
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None, NewLine = "\r\n" });
            foreach (var h in Headers) csv.WriteField(h);
            await csv.NextRecordAsync();
            await foreach (var e in search.ExportAsync(user, filter).WithCancellation(ct))
            {
                foreach (var cell in Cells(e, names)) csv.WriteField(NoticeExport.Neutralise(cell));
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
            return Results.Empty;
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Auditor, PortalRoles.Admin)).ExcludeFromDescription();
    }

    private static IEnumerable<string> Cells(AuditEntry e, Microsoft.Extensions.Localization.IStringLocalizer names) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture),
        e.At.ToOffset(BeijingTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        e.Actor, e.Ip ?? "", e.District ?? "", e.Entity, e.EntityId, e.Action, AuditNames.Action(e.Action, english: false),
        string.Join("；", AuditNames.Changes(e.Before, e.After, english: false, everyField: true, names)),
        e.Before ?? "", e.After ?? "", e.Note ?? "",
    ];
}
