using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Infrastructure.Catalog;

/// <summary>The district catalogs shipped inside this assembly (Catalog/*.json), parsed once.</summary>
public static class EmbeddedCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, PolicyDocument>> Documents = new(Load);

    public static IReadOnlyDictionary<string, PolicyDocument> All => Documents.Value;

    private static Dictionary<string, PolicyDocument> Load()
    {
        var assembly = typeof(EmbeddedCatalog).Assembly;
        var result = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        foreach (var district in Districts.All)
        {
            using var stream = assembly.GetManifestResourceStream($"PolicyPortal.Catalog.{district}.json")
                ?? throw new InvalidOperationException($"The catalog of {district} is not embedded.");
            result[district] = CatalogJson.Parse(stream);
        }
        return result;
    }
}
