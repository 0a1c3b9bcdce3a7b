using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests.Editing;

/// <summary>The clause editor's rules: impossible figures refused field by field; a valid change makes a new catalog the engine follows.</summary>
public class CatalogEditTests
{
    private static PolicyDocument Shijingshan() => CatalogJson.Parse(File.ReadAllText(Path.Combine(TestData.CatalogDirectory, "shijingshan.json")));

    private static ClausePart Part(PolicyDocument doc, string code) => doc.Articles.SelectMany(a => a.Parts).Single(p => p.Code == code);

    [Fact]
    public void A_rate_above_100_percent_a_negative_cap_and_a_tier_without_figures_are_refused_by_field()
    {
        var doc = Shijingshan();
        var rate = CatalogEdit.Check(doc, "shijingshan.7.1", ClauseFigures.Of(doc, Part(doc, "shijingshan.7.1")) with { Rate = 1.2m });
        Assert.Equal(("rate", "比例须在 0–100% 之间"), (rate.Single().Field, rate.Single().Message.Zh));

        var cap = CatalogEdit.Check(doc, "shijingshan.7.1", ClauseFigures.Of(doc, Part(doc, "shijingshan.7.1")) with { Cap = -1m });
        Assert.Equal(("cap", "金额不能为负数"), (cap.Single().Field, cap.Single().Message.Zh));

        var tiered = ClauseFigures.Of(doc, Part(doc, "shijingshan.6.1"));
        var empty = tiered with { Tiers = [.. tiered.Tiers.Select((t, i) => i == 0 ? t with { Rate = null, Amount = null, Cap = null } : t)] };
        var tier = CatalogEdit.Check(doc, "shijingshan.6.1", empty);
        Assert.Contains(tier, e => e.Field == $"tiers[{tiered.Tiers[0].Key}]" && e.Message.Zh == "档位须至少填写比例、金额或封顶之一");

        var fen = CatalogEdit.Check(doc, "shijingshan.7.1", ClauseFigures.Of(doc, Part(doc, "shijingshan.7.1")) with { Cap = 1.005m });
        Assert.Equal("cap", fen.Single().Field);
        var limit = CatalogEdit.Check(doc, "shijingshan.6.2", ClauseFigures.Of(doc, Part(doc, "shijingshan.6.2")) with { Limits = [new PartLimit { Scope = LimitScope.EnterpriseYear, Amount = 0 }] });
        Assert.Equal("limits[0]", limit.Single().Field);
    }

    [Fact]
    public void Lowering_a_yearly_cap_makes_a_new_catalog_the_engine_follows_and_leaves_the_old_one_as_it_was()
    {
        var doc = Shijingshan();
        var figures = ClauseFigures.Of(doc, Part(doc, "shijingshan.6.2"));
        Assert.Equal(5_000_000m, figures.Limits.Single().Amount); // 第六条：每年不超过500万元
        var lower = figures with { Limits = [figures.Limits.Single() with { Amount = 3_000_000m }] };
        Assert.Empty(CatalogEdit.Check(doc, "shijingshan.6.2", lower));

        var changed = CatalogEdit.Apply(doc, "shijingshan.6.2", lower);
        var difference = Assert.Single(CatalogEdit.Differences(doc, changed));
        Assert.Equal("shijingshan.6.2 每家企业每年上限：5,000,000 元 → 3,000,000 元", difference.Zh);
        Assert.Equal("shijingshan.6.2 yearly cap per enterprise: ¥5,000,000 → ¥3,000,000", difference.En);
        Assert.Equal("给予每年不超过500万元运营经费支持", Part(changed, "shijingshan.6.2").Limits.Single().Source); // the citation stays

        var request = new CalculationRequest
        {
            District = "shijingshan", Year = 2026,
            Claims = [new ClaimInput { Id = "1", Clause = "shijingshan.6.2", Project = "运营", Amount = 4_000_000m }],
        };
        Assert.Equal(4_000_000m, new CalculationEngine(doc).Calculate(request).Claims.Single().Granted);
        Assert.Equal(3_000_000m, new CalculationEngine(changed).Calculate(request).Claims.Single().Granted);
        Assert.Equal(5_000_000m, Part(doc, "shijingshan.6.2").Limits.Single().Amount);
    }

    [Fact]
    public void Export_and_import_of_a_catalog_round_trips_exactly()
    {
        var json = File.ReadAllText(Path.Combine(TestData.CatalogDirectory, "shijingshan.json"));
        var written = CatalogJson.Write(CatalogJson.Parse(json));
        Assert.Equal(written, CatalogJson.Write(CatalogJson.Parse(written)));
        Assert.Empty(CatalogEdit.Differences(CatalogJson.Parse(json), CatalogJson.Parse(written)));
    }
}
