using FsCheck;
using FsCheck.Fluent;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests;

/// <summary>
/// The integer fast paths against the decimal formulas they replace: fen conversion, the single rounding (half
/// away from zero) and Rate/Matching on whole-fen bases (docs/catalog-format.md, step 1).
/// </summary>
public class FenTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(2_000);

    /// <summary>Yuan with 0–6 decimals, up to 1e13 (the largest accepted input).</summary>
    private static Gen<decimal> Yuan() =>
        from whole in Gen.Choose(0, int.MaxValue)
        from scale in Gen.Choose(0, 6)
        from fraction in Gen.Choose(0, 999_999)
        from big in Gen.Elements(1L, 1_000L, 4_656L)
        select Math.Min(Fen.MaxYuan, whole * (decimal)big + fraction / 1_000_000m) is var v ? Math.Round(v, scale) : 0m;

    [Fact]
    public void Decimal_layout_is_the_one_the_fen_conversion_reads()
    {
        // Fen.FromYuan reads flags, high and low words in place; this pins the layout it relies on.
        Assert.Equal(123_456L, Fen.FromYuan(1_234.56m));
        Assert.Equal(123_450L, Fen.FromYuan(1_234.5m));
        Assert.Equal(123_400L, Fen.FromYuan(1_234m));
        Assert.Equal(1_000_000_000_000_000L, Fen.FromYuan(Fen.MaxYuan));
        Assert.Equal(-5L, Fen.FromYuan(-0.05m));
    }

    [Fact]
    public void RoundToFen_equals_rounding_the_decimal_half_away_from_zero() =>
        Check.One(Quick, Prop.ForAll(Yuan().ToArbitrary(), (decimal yuan) =>
            Assert.Equal(decimal.ToInt64(Math.Round(yuan, 2, MidpointRounding.AwayFromZero) * 100m), Fen.RoundToFen(yuan))));

    [Theory]
    [InlineData("0.005", 1L)]
    [InlineData("0.015", 2L)]
    [InlineData("0.025", 3L)]
    [InlineData("0.0049999", 0L)]
    [InlineData("345678.945", 34_567_895L)]
    public void RoundToFen_rounds_half_away_from_zero_not_to_even(string yuan, long fen)
    {
        Assert.Equal(fen, Fen.RoundToFen(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ToYuan_is_the_exact_inverse_of_FromYuan() =>
        Check.One(Quick, Prop.ForAll(Gen.Choose(0, int.MaxValue).Select(x => (long)x * 4_657).ToArbitrary(), (long fen) =>
            Assert.Equal(fen, Fen.FromYuan(Fen.ToYuan(fen)))));

    [Fact]
    public void Integer_rate_path_equals_the_decimal_formula()
    {
        // Rate and Matching on whole-fen bases run as RateE4 × fen / 10,000: compare with min(rate × amount, cap) rounded once.
        var cases =
            from rateE4 in Gen.Choose(1, 10_000)
            from cap in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (3, Gen.Choose(1, 50_000_000).Select(x => (decimal?)x)))
            from minBase in Gen.Frequency((3, Gen.Constant<decimal?>(null)), (1, Gen.Choose(1, 5_000_000).Select(x => (decimal?)x)))
            from yuan in Gen.Choose(0, int.MaxValue)
            from fen in Gen.Choose(0, 99)
            select (Rate: rateE4 / 10_000m, Cap: cap, MinBase: minBase, Amount: yuan * 7m + fen / 100m);
        Check.One(Quick, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var doc = Policies.Document("fengtai", "丰台区", ExclusivityScope.None, null,
                [Policies.Part("fengtai.1.1", RuleKind.Rate) with { Rate = c.Rate, Cap = c.Cap, MinBase = c.MinBase }]);
            var result = new CalculationEngine(doc).Calculate(new CalculationRequest
            {
                District = "fengtai", Year = 2026, Claims = [Policies.Claim("c1", "fengtai.1.1", c.Amount)],
            });
            var raw = c.Rate * c.Amount;
            var expected = c.Amount < (c.MinBase ?? 0m) ? 0m : Math.Round(c.Cap is { } cap ? Math.Min(raw, cap) : raw, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, result.Claims[0].Eligible);
        }));
    }
}
