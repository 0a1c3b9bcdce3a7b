using System.Globalization;
using PolicyPortal.Domain.Calculation;

namespace PolicyPortal.Domain.Tests;

/// <summary>Every hand-computed case in Cases/*.json (STYLE.md habit 4: legal cases as data) through the engine.</summary>
public class WorkedExampleTests
{
    public static TheoryData<string, string> AllCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TestData.Cases)
            foreach (var c in file.Cases)
                data.Add(file.District, c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Worked_example_gives_the_hand_computed_eligible_and_granted_amounts(string district, string name)
    {
        var file = TestData.Cases.Single(f => f.District == district);
        var worked = file.Cases.Single(c => c.Name == name);
        var result = TestData.Engine(district).Calculate(worked.ToRequest(district));

        foreach (var expected in worked.Expected)
        {
            var actual = result.Find(expected.Id) ?? throw new Xunit.Sdk.XunitException($"no result for claim {expected.Id}");
            var why = $"{district} · {name} · {expected.Id}\n  calc: {worked.Calc}\n  engine:\n    "
                + actual.Explain(CultureInfo.GetCultureInfo("zh-CN")).Replace("\n", "\n    ", StringComparison.Ordinal);
            Assert.True(expected.Eligible == actual.Eligible, $"eligible: expected {expected.Eligible}, engine {actual.Eligible}\n{why}");
            Assert.True(expected.Granted == actual.Granted, $"granted: expected {expected.Granted}, engine {actual.Granted}\n{why}");
        }
        Assert.Equal(worked.Expected.Count, worked.Claims.Count);
    }

    [Fact]
    public void Every_district_has_worked_examples_with_unique_names()
    {
        Assert.Equal(Catalog.Districts.All.Order(StringComparer.Ordinal), TestData.Cases.Select(f => f.District).Order(StringComparer.Ordinal));
        foreach (var file in TestData.Cases)
        {
            Assert.NotEmpty(file.Cases);
            var duplicates = file.Cases.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"{file.District}: duplicate case names: {string.Join(", ", duplicates)}");
        }
    }

    /// <summary>The issue's bar: every clause part with figures (and every tier of it) has a hand-computed example.</summary>
    [Fact]
    public void Every_open_clause_part_and_every_tier_has_a_hand_computed_example()
    {
        var missing = new List<string>();
        foreach (var (district, doc) in TestData.ShippedCatalogs)
        {
            var claims = TestData.Cases.Single(f => f.District == district).Cases.SelectMany(c => c.Claims).ToList();
            foreach (var part in doc.Articles.SelectMany(a => a.Parts).Where(p => p.Open && p.Kind != Catalog.RuleKind.Unquantified))
            {
                if (part.Tiers.Count == 0)
                {
                    if (!claims.Any(c => c.Clause == part.Code)) missing.Add(part.Code);
                }
                else
                {
                    missing.AddRange(part.Tiers.Where(t => !claims.Any(c => c.Clause == part.Code && c.Tier == t.Key)).Select(t => $"{part.Code}[{t.Key}]"));
                }
            }
        }
        Assert.True(missing.Count == 0, $"clause parts without a worked example: {string.Join(", ", missing)}");
    }
}
