using System.Collections;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// The outcome of one calculation: a <see cref="ClaimResult"/> per claim, in the order the request gave them,
/// and the total granted. Amounts are held as fen and turned into <see cref="decimal"/> yuan when read.
/// </summary>
public sealed class CalculationResult
{
    private readonly long[] _granted;
    private readonly byte[] _stepCount;
    private readonly StepStore _steps;
    /// <summary>Where each claim's steps start: computed on the first explanation asked for, not in the run.</summary>
    private int[]? _stepStart;

    internal CalculationResult(PreparedRequest request, long[] granted, byte[] stepCount, StepStore steps, long totalFen)
    {
        Request = request;
        _granted = granted;
        _stepCount = stepCount;
        _steps = steps;
        TotalGrantedFen = totalFen;
        Claims = new ClaimList(this);
    }

    internal PreparedRequest Request { get; }

    /// <summary>In the order of the request's claims.</summary>
    public IReadOnlyList<ClaimResult> Claims { get; }

    public decimal TotalGranted => Fen.ToYuan(TotalGrantedFen);

    public long TotalGrantedFen { get; }

    public string District => Request.District;

    public int Year => Request.Year;

    /// <summary>The result of the claim with this id (ordinal), or null.</summary>
    public ClaimResult? Find(string id)
    {
        int lo = 0, hi = Request.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = string.CompareOrdinal(Request.IdOf(mid), id);
            if (cmp == 0) return new ClaimResult(this, mid);
            if (cmp < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    /// <summary>Not stored: recomputed from the claim by the same code the run used (it is cheap and pure).</summary>
    internal long EligibleFen(int sorted) => CalculationRun.Eligible(in Request.Rules[sorted], Request.Catalog.Figures, Request.Amounts, Request.Inputs, sorted);

    internal long GrantedFen(int sorted) => _granted[sorted];

    private int StepStart(int sorted)
    {
        var starts = LazyInitializer.EnsureInitialized(ref _stepStart, () =>
        {
            var start = new int[_stepCount.Length];
            for (int i = 0, sum = 0; i < start.Length; sum += _stepCount[i], i++) start[i] = sum;
            return start;
        });
        return starts[sorted];
    }

    internal int StepCount(int sorted) => _stepCount[sorted];

    /// <summary>A recorded step with the amounts before and after it, replayed from the eligible amount.</summary>
    internal StepView View(int sorted, int index)
    {
        var start = StepStart(sorted);
        var amount = EligibleFen(sorted);
        for (var k = 0; ; k++)
        {
            var step = _steps[start + k];
            var after = After(sorted, step, amount);
            if (k == index) return new StepView(step.Kind, step.Ref, step.A, amount, after);
            amount = after;
        }
    }

    private long After(int sorted, StepRecord step, long before)
    {
        var request = Request;
        return step.Kind switch
        {
            StepKind.Requested => request.Rules[sorted].RequestedFen,
            StepKind.Superseded or StepKind.AlreadyAwarded or StepKind.ConsecutiveYears => 0,
            StepKind.ExclusivePrior or StepKind.TopUp => Math.Max(0, before - step.A),
            StepKind.Limit => Math.Max(0, request.SlotLimitFen[step.Ref] - step.A),
            StepKind.Pool => Math.Max(0, request.Catalog.PoolYearlyFen[step.Ref] - step.A),
            _ => throw new InvalidOperationException("Unknown step kind."),
        };
    }

    private sealed class ClaimList(CalculationResult owner) : IReadOnlyList<ClaimResult>
    {
        public ClaimResult this[int index] => new(owner, owner.Request.OriginalToSorted[index]);

        public int Count => owner.Request.Count;

        public IEnumerator<ClaimResult> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
