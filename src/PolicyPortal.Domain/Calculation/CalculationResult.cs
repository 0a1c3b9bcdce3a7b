using System.Collections;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// The outcome of one calculation: a <see cref="ClaimResult"/> per claim, in the order the request gave them,
/// and the total granted. Amounts are held as fen and turned into <see cref="decimal"/> yuan when read.
/// </summary>
public sealed class CalculationResult
{
    private readonly long[] _eligible;
    private readonly long[] _granted;
    private readonly int[] _stepEnd;
    private readonly StepRecord[] _steps;

    internal CalculationResult(PreparedRequest request, long[] eligible, long[] granted, int[] stepEnd, StepRecord[] steps, long totalFen)
    {
        Request = request;
        _eligible = eligible;
        _granted = granted;
        _stepEnd = stepEnd;
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
        var claims = Request.Claims;
        int lo = 0, hi = claims.Length - 1;
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

    internal long EligibleFen(int sorted) => _eligible[sorted];

    internal long GrantedFen(int sorted) => _granted[sorted];

    internal ReadOnlySpan<StepRecord> StepsOf(int sorted)
    {
        var start = sorted == 0 ? 0 : _stepEnd[sorted - 1];
        return _steps.AsSpan(start, _stepEnd[sorted] - start);
    }

    internal StepRecord Step(int sorted, int index) => StepsOf(sorted)[index];

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
