using System.Text.Json;
using PolicyPortal.Domain.Catalog;

// Validates district catalog files against the catalog format and rules (docs/catalog-format.md).
// Exit code 0 when every file is valid.
var failed = false;
foreach (var path in args)
{
    try
    {
        var doc = CatalogJson.Parse(File.ReadAllText(path));
        var errors = CatalogValidator.Validate(doc);
        var parts = doc.Articles.Sum(a => a.Parts.Count);
        var open = doc.Articles.Sum(a => a.Parts.Count(p => p.Open));
        Console.WriteLine($"{path}: {doc.Articles.Count} articles, {parts} parts ({open} open), {errors.Count} errors");
        foreach (var e in errors) Console.WriteLine($"  - {e}");
        failed |= errors.Count > 0;
    }
    catch (JsonException ex)
    {
        Console.WriteLine($"{path}: JSON error: {ex.Message}");
        failed = true;
    }
}
return failed ? 1 : 0;
