using FsCheck;
using FsCheck.Fluent;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Tests;

/// <summary>
/// Properties of the engine over generated requests against the shipped catalogs and random valid catalogs
/// (<see cref="Scenarios"/>). Each is checked independently of the engine's internals, from the catalog and
/// the request alone.
/// </summary>
public class EnginePropertyTests
{
    private const int Runs = 300;

    private static void Check(Action<Scenario, CalculationResult> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs),
            Prop.ForAll(Scenarios.Arbitrary(), (Scenario s) => property(s, new CalculationEngine(s.Catalog).Calculate(s.Request))));

    private static Dictionary<string, ClausePart> Parts(PolicyDocument doc) =>
        doc.Articles.SelectMany(a => a.Parts).ToDictionary(p => p.Code, StringComparer.Ordinal);

    private static decimal? CapOf(ClausePart part, string? tier) =>
        tier is null ? part.Cap : part.Tiers.Single(t => t.Key == tier).Cap ?? part.Cap;

    [Fact]
    public void Granted_never_exceeds_eligible_eligible_never_exceeds_the_cap_and_all_are_whole_fen() => Check((s, result) =>
    {
        var parts = Parts(s.Catalog);
        foreach (var claim in s.Request.Claims)
        {
            var r = result.Find(claim.Id)!.Value;
            Assert.InRange(r.Granted, 0m, r.Eligible);
            if (CapOf(parts[claim.Clause], claim.Tier) is { } cap) Assert.True(r.Eligible <= cap, $"{claim.Id}: eligible {r.Eligible} > cap {cap}");
            Assert.Equal(decimal.Round(r.Eligible, 2), r.Eligible);
            Assert.Equal(decimal.Round(r.Granted, 2), r.Granted);
        }
        Assert.Equal(result.Claims.Sum(c => c.Granted), result.TotalGranted);
    });

    [Fact]
    public void Granted_never_exceeds_what_was_requested() => Check((s, result) =>
    {
        foreach (var claim in s.Request.Claims.Where(c => c.Requested is not null))
            Assert.True(result.Find(claim.Id)!.Value.Granted <= claim.Requested!.Value);
    });

    [Fact]
    public void Part_limits_and_shared_limits_are_never_exceeded_unless_prior_awards_already_did() => Check((s, result) =>
    {
        var doc = s.Catalog;
        var limits = doc.Articles.SelectMany(a => a.Parts).SelectMany(p => p.Limits.Select(l => (l.Scope, l.Amount, Parts: (IReadOnlyList<string>)[p.Code], Name: p.Code)))
            .Concat(doc.SharedLimits.Select(l => (l.Scope, l.Amount, Parts: l.Parts, Name: l.Key)));
        foreach (var (scope, amount, covered, name) in limits)
        {
            var yearly = scope is LimitScope.EnterpriseYear or LimitScope.ProjectYear;
            var perProject = scope is LimitScope.ProjectYear or LimitScope.ProjectTotal;
            string Key(string? enterprise, string project) => (enterprise ?? "") + "|" + (perProject ? project : "");

            var prior = s.Request.PriorAwards
                .Where(p => covered.Contains(p.Clause) && (!yearly || p.Year == s.Request.Year))
                .GroupBy(p => Key(p.Enterprise, p.Project)).ToDictionary(g => g.Key, g => g.Sum(p => p.Granted));
            var granted = s.Request.Claims.Where(c => covered.Contains(c.Clause))
                .GroupBy(c => Key(c.Enterprise, c.Project)).ToDictionary(g => g.Key, g => g.Sum(c => result.Find(c.Id)!.Value.Granted));
            foreach (var (key, sum) in granted)
            {
                var already = prior.GetValueOrDefault(key);
                if (already <= amount) Assert.True(already + sum <= amount, $"{name} {key}: prior {already} + granted {sum} > {amount}");
                else Assert.Equal(0m, sum);
            }
        }
    });

    [Fact]
    public void Pools_never_pay_more_than_the_yearly_amount_left() => Check((s, result) =>
    {
        var parts = Parts(s.Catalog);
        foreach (var pool in s.Catalog.Pools)
        {
            var left = Math.Max(0m, pool.YearlyAmount - s.Request.PoolUsed.GetValueOrDefault(pool.Key));
            var drawn = s.Request.Claims.Where(c => parts[c.Clause].Pool == pool.Key).Sum(c => result.Find(c.Id)!.Value.Granted);
            Assert.True(drawn <= left, $"{pool.Key}: drew {drawn}, {left} left");
        }
    });

    [Fact]
    public void No_two_claims_of_one_project_are_both_paid_within_an_exclusivity_scope() => Check((s, result) =>
    {
        var parts = Parts(s.Catalog);
        var exclusive = s.Request.Claims.Where(c => (parts[c.Clause].Exclusivity ?? s.Catalog.Exclusivity) != ExclusivityScope.None);
        foreach (var project in exclusive.GroupBy(c => (c.Enterprise ?? "") + "|" + c.Project))
            Assert.True(project.Count(c => result.Find(c.Id)!.Value.Granted > 0) <= 1, $"project {project.Key} paid twice");
    });

    [Fact]
    public void Any_permutation_of_the_claims_gives_the_same_result() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs),
            Prop.ForAll(Scenarios.Arbitrary().Generator.SelectMany(s => Gen.Shuffle(s.Request.Claims.ToArray()).Select(shuffled => (s, shuffled))).ToArbitrary(),
                pair =>
                {
                    var (s, shuffled) = pair;
                    var engine = new CalculationEngine(s.Catalog);
                    var original = engine.Calculate(s.Request);
                    var permuted = engine.Calculate(s.Request with { Claims = shuffled });
                    foreach (var c in original.Claims)
                    {
                        var p = permuted.Find(c.Id)!.Value;
                        Assert.Equal(c.Eligible, p.Eligible);
                        Assert.Equal(c.Granted, p.Granted);
                        Assert.Equal(c.Explain(ExplanationLanguage.Chinese), p.Explain(ExplanationLanguage.Chinese));
                    }
                }));

    [Fact]
    public void Every_explanation_renders_in_both_languages_and_ends_with_the_grant() => Check((s, result) =>
    {
        foreach (var c in result.Claims)
        {
            var zh = c.ExplanationLines(ExplanationLanguage.Chinese);
            var en = c.ExplanationLines(ExplanationLanguage.English);
            Assert.Equal(zh.Count, en.Count);
            Assert.Equal(ExplanationText.Granted(c.GrantedFen, ExplanationLanguage.Chinese), zh[^1]);
            Assert.All(zh.Concat(en), line => Assert.False(string.IsNullOrWhiteSpace(line)));
        }
    });
}
