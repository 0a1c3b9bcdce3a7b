using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PolicyPortal.Infrastructure.Catalog;
using PolicyPortal.Infrastructure.Identity;
using PolicyPortal.Web.Features.Enterprises;

namespace PolicyPortal.Web.Features.Applications;

/// <summary>The htmx preview: the application's saved claims plus the one being typed, through the engine.</summary>
internal static class ApplicationEndpoints
{
    public static void MapApplicationEndpoints(this WebApplication app) =>
        app.MapGet("/enterprise/applications/{id:long}/preview", async (long id, HttpContext http, CurrentEnterprise current, ApplicationService applications, CatalogStore catalogs) =>
        {
            var enterprise = await current.FindAsync(http.User);
            var application = enterprise is null ? null : await applications.FindAsync(enterprise, id);
            if (application is null) return Results.NotFound();
            var catalog = await catalogs.GetActiveAsync(application.District);
            var draft = ClaimDraft.Read(new FormCollection(http.Request.Query.ToDictionary(k => k.Key, v => v.Value)), catalog.Document);
            var projectName = http.Request.Query["projectName"].ToString();
            var unsaved = draft.Errors.Count == 0 && catalog.Document.Articles.SelectMany(a => a.Parts).Any(p => p.Code == draft.Clause)
                ? draft.ToInput(PreviewPanel.UnsavedId, projectName.Length > 0 ? projectName : "—")
                : null;
            var (result, errors) = await applications.PreviewAsync(application, unsaved);
            var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
            return (IResult)new RazorComponentResult<PreviewPanel>(new { Result = result, Errors = errors, English = english, CatalogVersion = catalog.Version });
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Enterprise)).ExcludeFromDescription();
}
