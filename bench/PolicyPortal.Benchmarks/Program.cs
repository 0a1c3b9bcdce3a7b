using System.Diagnostics;
using BenchmarkDotNet.Running;
using PolicyPortal.Benchmarks;

// dotnet run -c Release --project bench/PolicyPortal.Benchmarks -- --filter '*'   the BenchmarkDotNet run (docs/performance.md)
//                                                                 -- --describe     the workload's shape, one pass per district
//                                                                 -- --micro        where the calculation's time goes
if (args.Contains("--micro"))
{
    Micro.Run(Workload.Create(EngineBenchmarks.Enterprises, EngineBenchmarks.Claims));
    return;
}
if (args.Contains("--describe"))
{
    var clock = Stopwatch.StartNew();
    var workload = Workload.Create(EngineBenchmarks.Enterprises, EngineBenchmarks.Claims);
    Console.WriteLine($"generated {workload.ClaimCount:N0} claims of {EngineBenchmarks.Enterprises:N0} enterprises, {workload.PriorAwardCount:N0} prior awards, in {clock.ElapsedMilliseconds} ms");
    foreach (var d in workload.Districts)
    {
        clock.Restart();
        var prepared = d.Engine.Prepare(d.Request);
        var prepare = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var result = d.Engine.Calculate(prepared);
        var calculate = clock.Elapsed.TotalMilliseconds;
        var paid = result.Claims.Count(c => c.Granted > 0);
        var steps = result.Claims.Sum(c => c.Explanation.Count - 1);
        Console.WriteLine($"{d.Document.District,-12} {d.Request.Claims.Count,9:N0} claims  prepare {prepare,7:F1} ms  calculate {calculate,7:F1} ms (first pass, with JIT)  " +
            $"paid {paid,9:N0}  steps recorded {steps,9:N0}  granted ¥{result.TotalGranted:N2}");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
