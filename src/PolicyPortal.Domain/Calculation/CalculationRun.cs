using System.Runtime.CompilerServices;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// Steps 1–8 of docs/catalog-format.md ("How the engine computes") over a <see cref="PreparedRequest"/>.
/// Two passes over the claims in ordinal id order: the first computes each claim's candidate (rule, then
/// requested) and the 从优不重复 winner of each project; the second applies exclusivity, 一次性/晋级补差,
/// consecutive years, limits and pools, consuming limits and pools in id order. Only arrays and indices;
/// explanation steps are recorded as numbers and rendered to text on demand.
/// </summary>
internal static class CalculationRun
{
    public static CalculationResult Run(PreparedRequest request)
    {
        var figures = request.Catalog.Figures;
        var parts = request.Catalog.Parts;
        var rules = request.Rules;
        var claims = request.Steps;
        var inputs = request.Inputs;
        var amounts = request.Amounts;
        var n = rules.Length;

        var granted = new long[n];
        var stepCount = new byte[n];
        var steps = new StepStore(n);

        // Pass 1 — rule (step 1), requested (step 2), and the best candidate of each 从优不重复 group (step 3).
        var best = new int[request.GroupCount];
        var bestCandidate = new long[request.GroupCount];
        best.AsSpan().Fill(-1);
        for (var i = 0; i < rules.Length; i++)
        {
            ref readonly var c = ref rules[i];
            var e = Eligible(in c, figures, amounts, inputs, i);
            // Eligible is not stored (ClaimResult recomputes it on demand); a candidate lowered by `requested` is
            // kept complemented (negative) so pass 2 knows to explain it. -1 (not given) compares as the largest.
            var requested = (ulong)c.RequestedFen < (ulong)e;
            var candidate = requested ? c.RequestedFen : e;
            granted[i] = requested ? ~candidate : candidate;
            var group = c.Group;
            if (group >= 0)
            {
                // Claims come in id order, so an equal candidate wins only by a lower clause code.
                if (best[group] < 0 || candidate > bestCandidate[group]
                    || (candidate == bestCandidate[group] && parts[claims[i].Part].CodeRank < parts[claims[best[group]].Part].CodeRank))
                {
                    best[group] = i;
                    bestCandidate[group] = candidate;
                }
            }
        }

        // Pass 2 — the steps that depend on other claims and on the ledger, in id order.
        var used = (long[])request.SlotPriorFen.Clone();
        var slotLimit = request.SlotLimitFen;
        var slots = request.Slots;
        var pools = request.Catalog.PoolYearlyFen;
        var poolUsed = (long[])request.PoolUsedFen.Clone();
        long total = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            ref readonly var c = ref claims[i];
            var g = granted[i];
            var before = steps.Count;
            if (g < 0)
            {
                g = ~g;
                steps.Add(StepKind.Requested, 0, 0);
            }

            if (c.Group >= 0 && best[c.Group] != i)
            {
                if (g > 0) steps.Add(StepKind.Superseded, best[c.Group], bestCandidate[c.Group]);
                g = 0;
            }
            else if (g > 0)
            {
                if (c.Ledger >= 0) g = ApplyLedger(in request.Ledger[c.Ledger], parts[c.Part], in figures[rules[i].Figure], g, steps);

                var slotEnd = c.SlotStart + c.SlotCount;
                for (var s = c.SlotStart; s < slotEnd; s++)
                {
                    var slot = slots[s];
                    var room = slotLimit[slot] - used[slot];
                    if (g > room)
                    {
                        g = room > 0 ? room : 0;
                        steps.Add(StepKind.Limit, slot, used[slot]);
                    }
                }
                if (c.Pool >= 0)
                {
                    var remaining = pools[c.Pool] - poolUsed[c.Pool];
                    if (g > remaining)
                    {
                        g = remaining > 0 ? remaining : 0;
                        steps.Add(StepKind.Pool, c.Pool, poolUsed[c.Pool]);
                    }
                    poolUsed[c.Pool] += g;
                }
                for (var s = c.SlotStart; s < slotEnd; s++) used[slots[s]] += g;
            }
            granted[i] = g;
            stepCount[i] = checked((byte)(steps.Count - before));
            total += g;
        }
        return new CalculationResult(request, granted, stepCount, steps, total);
    }

    /// <summary>Step 1 for one claim, in fen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Eligible(in RuleInput c, Figure[] figures, decimal[] amounts, decimal[] inputs, int i)
    {
        ref readonly var f = ref figures[c.Figure];
        if (f.ConstantFen >= 0) return f.ConstantFen;
        if (f.RateE4 >= 0 && c.AmountFen >= 0) return RuleMath.RateFen(in f, c.AmountFen);
        return c.InputStart < 0
            ? RuleMath.EligibleFen(in f, amounts[i], 0m, 0m)
            : RuleMath.EligibleFen(in f, amounts[i], inputs[c.InputStart], inputs[c.InputStart + 1]);
    }

    /// <summary>Steps 3 (prior awards of the same project), 4 (一次性 / 晋级补差) and 5 (consecutive years).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ApplyLedger(in LedgerFacts facts, CompiledPart part, in Figure figure, long g, StepStore steps)
    {
        // The ledger holds exclusive priors only for parts whose scope is not None (RequestPreparer).
        if (facts.ExclusivePriorFen > 0 && g > 0)
        {
            g = Math.Max(0, g - facts.ExclusivePriorFen);
            steps.Add(StepKind.ExclusivePrior, facts.ExclusivePriorPart, facts.ExclusivePriorFen);
        }
        if ((part.OneTime || part.TopUp) && facts.OncePriorCount > 0 && g > 0)
        {
            if (facts.OncePriorMaxLevel >= figure.Level || !part.TopUp)
            {
                g = 0;
                steps.Add(StepKind.AlreadyAwarded, facts.OncePriorFigure, facts.OncePriorFen);
            }
            else
            {
                g = Math.Max(0, g - facts.OncePriorFen);
                steps.Add(StepKind.TopUp, facts.OncePriorFigure, facts.OncePriorFen);
            }
        }
        if (part.ConsecutiveYears > 0 && facts.PriorYears >= part.ConsecutiveYears && g > 0)
        {
            g = 0;
            steps.Add(StepKind.ConsecutiveYears, part.ConsecutiveYears, facts.PriorYears);
        }
        return g;
    }
}

/// <summary>
/// What a recorded step did; the text is rendered from this and the numbers only when asked. The amount after
/// a step is not stored: it follows from the amount before and the step (<see cref="CalculationResult.View"/>).
/// </summary>
internal enum StepKind : byte
{
    /// <summary>After = the claim's requested amount.</summary>
    Requested,
    /// <summary>Ref = the winning claim (sorted position), A = its candidate; after = 0.</summary>
    Superseded,
    /// <summary>Ref = part of the largest prior award, A = prior sum; after = before − A (not below 0).</summary>
    ExclusivePrior,
    /// <summary>Ref = figure of the highest prior award, A = prior sum; after = 0.</summary>
    AlreadyAwarded,
    /// <summary>Ref = figure of the highest prior award, A = prior sum; after = before − A (not below 0).</summary>
    TopUp,
    /// <summary>Ref = the years the part allows, A = distinct earlier years supported; after = 0.</summary>
    ConsecutiveYears,
    /// <summary>Ref = limit counter, A = used before this claim (prior + earlier claims); after = limit − A.</summary>
    Limit,
    /// <summary>Ref = pool, A = used before this claim; after = yearly amount − A.</summary>
    Pool,
}

/// <summary>A step as numbers (16 bytes).</summary>
internal readonly record struct StepRecord(StepKind Kind, int Ref, long A);

/// <summary>A step with the amounts before and after it, for rendering.</summary>
internal readonly record struct StepView(StepKind Kind, int Ref, long A, long Before, long After);

/// <summary>
/// The steps of all claims of a run, claim i owning a contiguous range. Stored in chunks of half the claim count
/// (most claims record no step), so growing adds a chunk and never copies.
/// </summary>
internal sealed class StepStore
{
    private readonly int _shift;
    private readonly int _chunkSize;
    private readonly List<StepRecord[]> _chunks = [];
    private StepRecord[] _current = [];
    private int _offset;

    public StepStore(int claims)
    {
        _shift = Math.Max(10, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, claims / 2 - 1)));
        _chunkSize = 1 << _shift;
        _offset = _chunkSize;
    }

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(StepKind kind, int reference, long a)
    {
        if (_offset == _chunkSize) NewChunk();
        _current[_offset++] = new StepRecord(kind, reference, a);
        Count++;
    }

    private void NewChunk()
    {
        _current = new StepRecord[_chunkSize];
        _chunks.Add(_current);
        _offset = 0;
    }

    public StepRecord this[int index] => _chunks[index >> _shift][index & (_chunkSize - 1)];
}
