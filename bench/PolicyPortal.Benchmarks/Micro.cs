using System.Diagnostics;
using PolicyPortal.Domain.Calculation;

namespace PolicyPortal.Benchmarks;

/// <summary>
/// `-- --micro`: the fastest of 30 rounds of the rule loop in steps (a bare loop over the prepared claims, with
/// the single rounding, the engine's rule, the whole calculation) and of preparation. A quick look at where the
/// time goes, without BenchmarkDotNet; the figures in docs/performance.md come from the BenchmarkDotNet run.
/// </summary>
internal static class Micro
{
    public static void Run(Workload workload)
    {
        var engines = workload.Districts.Select(d => d.Engine).ToArray();
        var prepared = workload.Districts.Select(d => d.Engine.Prepare(d.Request)).ToArray();
        void Time(string name, Func<PreparedRequest, long> body)
        {
            var best = double.MaxValue;
            for (var round = 0; round < 30; round++)
            {
                var clock = Stopwatch.StartNew();
                foreach (var p in prepared) body(p);
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"{name,-40} {best,7:F2} ms");
        }
        var dec = new decimal[1_000_000];
        var fen = new long[1_000_000];
        Time("A rate × amount → decimal[]", p =>
        {
            var rules = p.Rules; var figs = p.Catalog.Figures;
            var am = p.Amounts; for (var i = 0; i < rules.Length; i++) dec[i] = figs[rules[i].Figure].Rate * am[i];
            return 0;
        });
        Time("B A, rounded once → fen[]", p =>
        {
            var rules = p.Rules; var figs = p.Catalog.Figures;
            var am = p.Amounts; for (var i = 0; i < rules.Length; i++) fen[i] = Fen.RoundToFen(figs[rules[i].Figure].Rate * am[i]);
            return 0;
        });
        Time("C the engine's rule (step 1) → fen[]", p =>
        {
            var rules = p.Rules; var figs = p.Catalog.Figures; var inputs = p.Inputs;
            var am = p.Amounts; for (var i = 0; i < rules.Length; i++) fen[i] = CalculationRun.Eligible(in rules[i], figs, am, inputs, i);
            return 0;
        });
        Time("D the whole calculation (steps 1–8)", p => { engines.First(e => e.District == p.District).Calculate(p); return 0; });
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var d in workload.Districts) d.Engine.Prepare(d.Request);
            Console.WriteLine($"prepare {clock.Elapsed.TotalMilliseconds:F1} ms");
        }
    }
}
