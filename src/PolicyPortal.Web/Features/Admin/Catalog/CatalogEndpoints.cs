using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Admin.Catalog;

/// <summary>A district's catalog version as JSON, in the format of the shipped files (open data).</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this WebApplication app) =>
        app.MapGet("/admin/catalog/{district}/export/{version:int}", async (string district, int version, ClaimsPrincipal user, PortalDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (!AdminScope.Manages(user, district)) return Results.NotFound();
            var json = await db.CatalogVersions.AsNoTracking().Where(v => v.District == district && v.Version == version).Select(v => v.Json).SingleOrDefaultAsync(ct);
            if (json is null) return Results.NotFound();
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName($"{district}-v{version}.json");
            http.Response.Headers.ContentDisposition = disposition.ToString();
            return Results.Text(json, "application/json", Encoding.UTF8);
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Admin)).ExcludeFromDescription();
}
