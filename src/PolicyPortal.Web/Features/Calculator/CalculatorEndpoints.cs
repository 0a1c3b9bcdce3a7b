using Microsoft.AspNetCore.Http.HttpResults;
using PolicyPortal.Infrastructure.Catalog;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>The htmx fragment of the calculator: the result region for the query's inputs.</summary>
internal static class CalculatorEndpoints
{
    public static void MapCalculatorEndpoints(this WebApplication app) =>
        app.MapGet("/calculator/result", async (HttpContext http, CatalogStore catalogs, TimeProvider clock) =>
                new RazorComponentResult<CalculatorResult>(new { Model = await CalculatorModel.BuildAsync(http, catalogs, clock) }))
            .AllowAnonymous()
            .RequireRateLimiting(CalculationApi.RateLimitPolicy)
            .ExcludeFromDescription();
}
