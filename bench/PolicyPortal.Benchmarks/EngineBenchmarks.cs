using BenchmarkDotNet.Attributes;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Benchmarks;

/// <summary>
/// One operation = the whole workload (1,000,000 claims of 10,000 enterprises over the five districts), single
/// threaded. The bare loop is the floor: rate × base for the same claims into a result array, nothing else.
/// Results and figures: docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
// One core: workstation GC without the background thread, so no collection work runs on the second core.
[GcServer(false)]
[GcConcurrent(false)]
public class EngineBenchmarks
{
    public const int Enterprises = 10_000;
    public const int Claims = 1_000_000;

    private Workload _workload = null!;
    private Workload _shuffled = null!;
    private PreparedRequest[] _prepared = [];
    private decimal[] _rates = [];
    private decimal[] _bases = [];

    /// <summary>Every benchmark but the shuffled one holds the same live heap: the workload, its prepared form and the bare loop's arrays.</summary>
    [GlobalSetup(Targets = [nameof(BareRateTimesBase), nameof(CalculatePrepared), nameof(Prepare), nameof(PrepareAndCalculate)])]
    public void Setup()
    {
        _workload = Workload.Create(Enterprises, Claims);
        _prepared = [.. _workload.Districts.Select(d => d.Engine.Prepare(d.Request))];

        // The bare loop's inputs: each claim's rate (its tier's, else its part's) and base, resolved outside the timing.
        var rates = new List<decimal>(Claims);
        var bases = new List<decimal>(Claims);
        foreach (var d in _workload.Districts)
        {
            var parts = d.Document.Articles.SelectMany(a => a.Parts).ToDictionary(p => p.Code, StringComparer.Ordinal);
            foreach (var c in d.Request.Claims)
            {
                var part = parts[c.Clause];
                var tier = c.Tier is null ? null : part.Tiers.First(t => string.Equals(t.Key, c.Tier, StringComparison.Ordinal));
                rates.Add(tier?.Rate ?? part.Rate ?? 0m);
                bases.Add(c.Amount ?? 0m);
            }
        }
        _rates = [.. rates];
        _bases = [.. bases];
    }

    [GlobalSetup(Target = nameof(PrepareShuffled))]
    public void SetupShuffled() => _shuffled = Workload.Create(Enterprises, Claims, shuffled: true);

    [Benchmark(Baseline = true, Description = "bare loop: rate × base")]
    public decimal BareRateTimesBase()
    {
        var rates = _rates;
        var bases = _bases;
        var result = new decimal[rates.Length];
        for (var i = 0; i < result.Length; i++) result[i] = rates[i] * bases[i];
        return result[^1];
    }

    [Benchmark(Description = "engine: calculate (prepared)")]
    public decimal CalculatePrepared()
    {
        var total = 0m;
        for (var d = 0; d < _prepared.Length; d++) total += _workload.Districts[d].Engine.Calculate(_prepared[d]).TotalGranted;
        return total;
    }

    [Benchmark(Description = "engine: prepare (ids in order)")]
    public int Prepare()
    {
        var count = 0;
        foreach (var d in _workload.Districts) count += d.Engine.Prepare(d.Request).Count;
        return count;
    }

    [Benchmark(Description = "engine: prepare (ids shuffled)")]
    public int PrepareShuffled()
    {
        var count = 0;
        foreach (var d in _shuffled.Districts) count += d.Engine.Prepare(d.Request).Count;
        return count;
    }

    [Benchmark(Description = "engine: prepare + calculate")]
    public decimal PrepareAndCalculate()
    {
        var total = 0m;
        foreach (var d in _workload.Districts) total += d.Engine.Calculate(d.Request).TotalGranted;
        return total;
    }
}
