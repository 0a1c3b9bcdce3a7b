using System.Globalization;
using System.Security.Claims;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Admin.Notices;

/// <summary>
/// Downloads of the 公示名单: the published notice in force, for anyone (it is public), and the live list for the district's
/// administrators before they publish it.
/// </summary>
internal static class NoticeEndpoints
{
    public static void MapNoticeEndpoints(this WebApplication app)
    {
        app.MapGet("/notices/{district}/{year:int}/{format:regex(^(csv|xlsx)$)}", async (string district, int year, string format, NoticeBoard board, CatalogStore catalogs, HttpContext http, CancellationToken ct) =>
        {
            if (!Districts.IsKnown(district)) return Results.NotFound();
            var notice = await board.CurrentAsync(district, year, ct);
            if (notice is null) return Results.NotFound();
            var name = (await catalogs.GetActiveAsync(district, ct)).Document.DistrictName;
            var seq = notice.Sequence.ToString(CultureInfo.InvariantCulture);
            return Send(http, format, notice.Lines.Select(NoticeRow.From), contacts: false,
                $"notice-{district}-{year.ToString(CultureInfo.InvariantCulture)}-{seq}", $"{name}{year.ToString(CultureInfo.InvariantCulture)}年度奖补公示名单（第{seq}期）");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/admin/notices/live/{format:regex(^(csv|xlsx)$)}", async (string format, string? district, int? year, ClaimsPrincipal user, NoticeBoard board,
            CatalogStore catalogs, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (AdminScope.Resolve(user, district) is not { } scoped) return Results.NotFound();
            var y = year ?? BeijingTime.DateOf(clock.GetUtcNow()).Year;
            var rows = await board.LiveAsync(scoped, y, ct);
            var name = (await catalogs.GetActiveAsync(scoped, ct)).Document.DistrictName;
            return Send(http, format, rows, contacts: true, $"notice-draft-{scoped}-{y.ToString(CultureInfo.InvariantCulture)}", $"{name}{y.ToString(CultureInfo.InvariantCulture)}年度奖补公示名单（未发布）");
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Admin)).ExcludeFromDescription();
    }

    private static IResult Send(HttpContext http, string format, IEnumerable<NoticeRow> rows, bool contacts, string asciiName, string title)
    {
        var csv = format == "csv";
        var bytes = csv ? NoticeExport.Csv(rows, contacts) : NoticeExport.Xlsx(rows, title, contacts);
        var extension = csv ? ".csv" : ".xlsx";
        http.Response.Headers.ContentDisposition = NoticeExport.Disposition(asciiName + extension, title + extension);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(bytes, csv ? NoticeExport.CsvType : NoticeExport.XlsxType);
    }
}
