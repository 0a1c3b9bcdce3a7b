using System.Globalization;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Infrastructure.Catalog;

namespace PolicyPortal.Web.Features.Calculator;

/// <summary>Everything the calculator page and its htmx fragment show, computed from the query string.</summary>
public sealed class CalculatorModel
{
    public required ActiveCatalog Catalog { get; init; }
    public required CalculatorForm Form { get; init; }
    public Article? Article { get; init; }
    public ClausePart? Part { get; init; }
    public ClaimResult? Result { get; init; }
    public IReadOnlyList<CalculationInputError> EngineErrors { get; init; } = [];
    public bool English { get; init; }

    internal static async Task<CalculatorModel> BuildAsync(HttpContext http, CatalogStore catalogs, TimeProvider clock)
    {
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var form = CalculatorForm.Read(http.Request.Query, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), shanghai).Year);
        var catalog = await catalogs.GetActiveAsync(form.District, http.RequestAborted);
        var (article, part) = Find(catalog.Document, form.Clause);
        if (part is null)
            return new CalculatorModel { Catalog = catalog, Form = form, English = english };

        var request = form.ToRequest(part, english);
        if (request is null)
            return new CalculatorModel { Catalog = catalog, Form = form, Article = article, Part = part, English = english };
        try
        {
            var result = catalog.Engine.Calculate(request);
            return new CalculatorModel { Catalog = catalog, Form = form, Article = article, Part = part, Result = result.Claims[0], English = english };
        }
        catch (CalculationInputException ex)
        {
            return new CalculatorModel { Catalog = catalog, Form = form, Article = article, Part = part, EngineErrors = ex.Errors, English = english };
        }
    }

    private static (Article?, ClausePart?) Find(PolicyDocument doc, string? code)
    {
        foreach (var article in doc.Articles)
            foreach (var part in article.Parts)
                if (string.Equals(part.Code, code, StringComparison.Ordinal)) return (article, part);
        // No such clause in this district (none chosen yet, or the district just changed): the first open part, so the
        // page always shows a working form.
        var first = doc.Articles.SelectMany(a => a.Parts.Select(p => (a, p))).FirstOrDefault(x => x.p.Open);
        return first.p is null ? (null, null) : (first.a, first.p);
    }

    /// <summary>The engine's messages keyed as the form names its fields (claims[0].amount → amount).</summary>
    public string? ErrorFor(string field)
    {
        if (Form.Errors.TryGetValue(field, out var message)) return message;
        var engineField = field.StartsWith(CalculatorForm.InputPrefix, StringComparison.Ordinal) ? $"claims[0].inputs.{field[CalculatorForm.InputPrefix.Length..]}" : $"claims[0].{field}";
        var error = EngineErrors.FirstOrDefault(e => string.Equals(e.Field, engineField, StringComparison.Ordinal));
        return error is null ? null : English ? error.MessageEn : error.MessageZh;
    }

    public IEnumerable<string> OtherErrors() => EngineErrors
        .Where(e => !e.Field.StartsWith("claims[0].amount", StringComparison.Ordinal) && !e.Field.StartsWith("claims[0].requested", StringComparison.Ordinal)
                    && !e.Field.StartsWith("claims[0].inputs", StringComparison.Ordinal))
        .Select(e => English ? e.MessageEn : e.MessageZh);
}
