using PolicyPortal.Domain.Calculation;
using static PolicyPortal.Domain.Tests.Policies;

namespace PolicyPortal.Domain.Tests;

/// <summary>Bad input is refused with every problem listed: field path, Chinese and English message.</summary>
public class InputErrorTests
{
    private static CalculationInputException Refused(string district, IEnumerable<ClaimInput> claims, IEnumerable<PriorAward>? priors = null,
        IReadOnlyDictionary<string, decimal>? poolUsed = null, int year = 2026, string? requestDistrict = null) =>
        Assert.Throws<CalculationInputException>(() => Engine(district).Calculate(new CalculationRequest
        {
            District = requestDistrict ?? district,
            Year = year,
            Claims = [.. claims],
            PriorAwards = [.. priors ?? []],
            PoolUsed = poolUsed ?? new Dictionary<string, decimal>(),
        }));

    private static CalculationInputError Only(CalculationInputException e, string field)
    {
        var error = Assert.Single(e.Errors);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
        return error;
    }

    private static Dictionary<string, decimal> Inputs(params (string Key, decimal Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void Request_for_another_district_is_refused()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 1m)], requestDistrict: "tongzhou");
        Only(e, "district");
    }

    [Fact]
    public void Unknown_clause_is_refused_with_its_path()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 1m), Claim("c2", "shijingshan.99.1", 1m)]);
        Assert.Contains("shijingshan.99.1", Only(e, "claims[1].clause").MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Clause_of_another_district_is_refused_as_such()
    {
        var e = Refused("shijingshan", [Claim("c1", "tongzhou.1.1", 1m)]);
        var error = Only(e, "claims[0].clause");
        Assert.Contains("属于其他区", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains("another district", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiered_part_without_a_tier_is_refused()
    {
        // 石景山区第六条：国家级 100% / 省级 80% — the claim must say which
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.6.1", 1m, inputs: Inputs(("area", 100m)))]);
        Assert.Contains("national", Only(e, "claims[0].tier").MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_tier_is_refused()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.6.1", 1m, tier: "municipal", inputs: Inputs(("area", 100m)))]);
        Only(e, "claims[0].tier");
    }

    [Fact]
    public void Tier_on_an_untiered_part_is_refused()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 1m, tier: "national")]);
        Only(e, "claims[0].tier");
    }

    [Theory]
    [InlineData(-1, null, "claims[0].amount")]
    [InlineData(100, -5, "claims[0].requested")]
    public void Negative_amounts_are_refused(int amount, int? requested, string field)
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1", amount, requested: requested)]);
        Only(e, field);
    }

    [Fact]
    public void Negative_inputs_are_refused()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.6.1", 1000m, tier: "national", inputs: Inputs(("area", -3m)))]);
        Only(e, "claims[0].inputs.area");
    }

    [Fact]
    public void Absurd_amounts_are_refused()
    {
        // more than 1e13 yuan is a unit mistake (fen or 万元 entered as yuan)
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 20_000_000_000_000m)]);
        Assert.Contains("1e13", Only(e, "claims[0].amount").MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Rent_without_area_is_refused()
    {
        // 石景山区第六条：补贴面积不超过4000平方米 — the area is needed
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.6.1", 1_000_000m, tier: "national")]);
        Only(e, "claims[0].inputs.area");
    }

    [Fact]
    public void LoanInterest_without_lpr_or_interest_paid_is_refused()
    {
        // 滨江区（二十一）：不超过LPR的50%，不超过企业支付给银行利息的50%
        var e = Refused("binjiang", [Claim("c1", "binjiang.21.1", 10_000_000m)]);
        Assert.Equal(["claims[0].inputs.lpr", "claims[0].inputs.interestPaid"], e.Errors.Select(x => x.Field).ToArray());
    }

    [Fact]
    public void Lpr_given_as_a_percentage_is_refused()
    {
        var e = Refused("binjiang", [Claim("c1", "binjiang.21.1", 10_000_000m, inputs: Inputs(("lpr", 3.45m), ("interestPaid", 300_000m)))]);
        Only(e, "claims[0].inputs.lpr");
    }

    [Fact]
    public void Rate_without_its_base_is_refused()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1")]);
        Only(e, "claims[0].amount");
    }

    [Fact]
    public void Duplicate_claim_ids_are_refused()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 1m), Claim("c2", "shijingshan.4.1", 1m, project: "b"), Claim("c1", "shijingshan.5.1")]);
        Assert.Contains("claims[0]", Only(e, "claims[2].id").MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Year_outside_2000_to_2100_is_refused(int year)
    {
        Only(Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 1m)], year: year), "year");
    }

    [Fact]
    public void Prior_award_with_a_bad_year_or_amount_is_refused()
    {
        var e = Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 1m)],
            [Prior("shijingshan.4.1", 1990, 1m), Prior("shijingshan.4.1", 2025, -1m), Prior("shijingshan.77.1", 2025, 1m)]);
        Assert.Equal(["priorAwards[0].year", "priorAwards[1].granted", "priorAwards[2].clause"], e.Errors.Select(x => x.Field).ToArray());
    }

    [Fact]
    public void Requested_amount_finer_than_a_fen_is_refused()
    {
        Only(Refused("shijingshan", [Claim("c1", "shijingshan.4.1", 1000m, requested: 10.005m)]), "claims[0].requested");
    }

    [Fact]
    public void Unknown_pool_in_pool_used_is_refused()
    {
        var e = Refused("yizhuang", [Claim("c1", "yizhuang.1.1", 1m)], poolUsed: new Dictionary<string, decimal> { ["yizhuang.data-voucher"] = 1m });
        Only(e, "poolUsed[yizhuang.data-voucher]");
    }

    [Fact]
    public void Every_error_of_a_request_is_listed_at_once()
    {
        var e = Refused("shijingshan",
        [
            Claim("c1", "nowhere.1.1", 1m),
            Claim("c2", "shijingshan.4.1", -1m),
            Claim("c2", "shijingshan.6.1", 1m),
        ], year: 1800);
        Assert.Equal(["year", "claims[0].clause", "claims[1].amount", "claims[2].tier", "claims[2].id"], e.Errors.Select(x => x.Field).ToArray());
    }

    [Fact]
    public void Claim_on_a_part_that_is_not_open_is_not_an_error()
    {
        // 石景山区第九条 (一事一议): no figures, so no inputs are required either
        var r = One("shijingshan", Claim("c1", "shijingshan.9.1"));
        Assert.Equal(0m, r.Granted);
    }
}
