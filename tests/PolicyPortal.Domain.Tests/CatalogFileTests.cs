using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests;

/// <summary>The catalog files shipped in src/PolicyPortal.Infrastructure/Catalog (docs/catalog-format.md).</summary>
public class CatalogFileTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestData.CatalogFiles) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_catalog_parses_and_the_validator_reports_no_errors(string file)
    {
        var doc = CatalogJson.Parse(File.ReadAllText(Path.Combine(TestData.CatalogDirectory, file)));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), doc.District);
        Assert.Empty(CatalogValidator.Validate(doc));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_catalog_compiles_into_an_engine(string file)
    {
        var doc = CatalogJson.Parse(File.ReadAllText(Path.Combine(TestData.CatalogDirectory, file)));
        var engine = new CalculationEngine(doc);
        Assert.Equal(doc.District, engine.District);
    }

    [Fact]
    public void All_five_districts_ship_a_catalog()
    {
        Assert.Equal(Districts.All.Order(StringComparer.Ordinal), TestData.ShippedCatalogs.Keys.Order(StringComparer.Ordinal));
    }
}
