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
        var cat = request.Catalog;
        var figures = cat.Figures;
        var parts = cat.Parts;
        var limits = cat.Limits;
        var claims = request.Claims;
        var inputs = request.Inputs;
        var ledger = request.Ledger;
        var slots = request.Slots;
        var n = claims.Length;

        var eligible = new long[n];
        var granted = new long[n];
        var stepEnd = new int[n];
        var steps = new StepBuffer(n / 4 + 16);

        // Pass 1 — rule (step 1), requested (step 2), and the best candidate of each 从优不重复 group (step 3).
        var best = new int[request.GroupCount];
        var bestCandidate = new long[request.GroupCount];
        best.AsSpan().Fill(-1);
        for (var i = 0; i < n; i++)
        {
            ref readonly var c = ref claims[i];
            ref readonly var f = ref figures[c.Figure];
            long e;
            if (c.InputStart < 0) e = RuleMath.EligibleFen(in f, c.Amount, 0m, 0m);
            else e = RuleMath.EligibleFen(in f, c.Amount, inputs[c.InputStart], inputs[c.InputStart + 1]);
            eligible[i] = e;
            var candidate = (ulong)c.RequestedFen < (ulong)e ? c.RequestedFen : e; // -1 (none) compares as the largest
            granted[i] = candidate;
            if (c.Group >= 0)
            {
                var b = best[c.Group];
                // Claims come in id order, so an equal candidate wins only by a lower clause code.
                if (b < 0 || candidate > bestCandidate[c.Group]
                    || (candidate == bestCandidate[c.Group] && parts[c.Part].CodeRank < parts[claims[b].Part].CodeRank))
                {
                    best[c.Group] = i;
                    bestCandidate[c.Group] = candidate;
                }
            }
        }

        // Pass 2 — the steps that depend on other claims and on the ledger, in id order.
        var used = (long[])request.SlotPriorFen.Clone();
        var poolUsed = (long[])request.PoolUsedFen.Clone();
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            ref readonly var c = ref claims[i];
            var g = granted[i];
            if ((ulong)c.RequestedFen < (ulong)eligible[i])
                steps.Add(StepKind.Requested, 0, c.RequestedFen, eligible[i], 0);

            if (c.Group >= 0 && best[c.Group] != i)
            {
                var winner = best[c.Group];
                steps.Add(StepKind.Superseded, claims[winner].Part, bestCandidate[c.Group], winner, 0);
                g = 0;
            }
            else
            {
                var part = parts[c.Part];
                if (c.Ledger >= 0) g = ApplyLedger(in ledger[c.Ledger], part, in figures[c.Figure], g, c.Group >= 0, steps);

                var slotEnd = c.SlotStart + part.Limits.Length;
                for (var s = c.SlotStart; s < slotEnd; s++)
                {
                    var slot = slots[s];
                    var limit = limits[request.SlotLimit[slot]];
                    var room = Math.Max(0, limit.AmountFen - used[slot]);
                    if (g > room)
                    {
                        steps.Add(StepKind.Limit, slot, used[slot], room, g);
                        g = room;
                    }
                }
                if (part.Pool >= 0)
                {
                    var remaining = Math.Max(0, cat.Pools[part.Pool].YearlyFen - poolUsed[part.Pool]);
                    if (g > remaining)
                    {
                        steps.Add(StepKind.Pool, part.Pool, poolUsed[part.Pool], remaining, g);
                        g = remaining;
                    }
                    poolUsed[part.Pool] += g;
                }
                for (var s = c.SlotStart; s < slotEnd; s++) used[slots[s]] += g;
            }
            granted[i] = g;
            stepEnd[i] = steps.Count;
            total += g;
        }
        return new CalculationResult(request, eligible, granted, stepEnd, steps.ToArray(), total);
    }

    /// <summary>Steps 3 (prior awards of the same project), 4 (一次性 / 晋级补差) and 5 (consecutive years).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ApplyLedger(in LedgerFacts facts, CompiledPart part, in Figure figure, long g, bool exclusive, StepBuffer steps)
    {
        if (exclusive && facts.ExclusivePriorFen > 0 && g > 0)
        {
            var after = Math.Max(0, g - facts.ExclusivePriorFen);
            steps.Add(StepKind.ExclusivePrior, facts.ExclusivePriorPart, facts.ExclusivePriorFen, after, g);
            g = after;
        }
        if ((part.OneTime || part.TopUp) && facts.OncePriorCount > 0 && g > 0)
        {
            if (facts.OncePriorMaxLevel >= figure.Level || !part.TopUp)
            {
                steps.Add(StepKind.AlreadyAwarded, facts.OncePriorFigure, facts.OncePriorFen, 0, g);
                g = 0;
            }
            else
            {
                var after = Math.Max(0, g - facts.OncePriorFen);
                steps.Add(StepKind.TopUp, facts.OncePriorFigure, facts.OncePriorFen, after, g);
                g = after;
            }
        }
        if (part.ConsecutiveYears > 0 && facts.PriorYears >= part.ConsecutiveYears && g > 0)
        {
            steps.Add(StepKind.ConsecutiveYears, part.ConsecutiveYears, facts.PriorYears, 0, g);
            g = 0;
        }
        return g;
    }
}

/// <summary>What a recorded step did; the text is rendered from this and the numbers only when asked.</summary>
internal enum StepKind : byte
{
    /// <summary>A = requested, B = eligible.</summary>
    Requested,
    /// <summary>Ref = the winner's part, A = its candidate, B = the winner's position.</summary>
    Superseded,
    /// <summary>Ref = part of the prior award, A = prior sum, B = after, C = before.</summary>
    ExclusivePrior,
    /// <summary>Ref = figure of the highest prior award, A = prior sum, B = 0, C = before.</summary>
    AlreadyAwarded,
    /// <summary>Ref = figure of the highest prior award, A = prior sum, B = after, C = before.</summary>
    TopUp,
    /// <summary>Ref = the years the part allows, A = distinct earlier years supported, C = before.</summary>
    ConsecutiveYears,
    /// <summary>Ref = limit counter, A = used before this claim (prior + earlier claims), B = room, C = before.</summary>
    Limit,
    /// <summary>Ref = pool, A = used before this claim, B = remaining, C = before.</summary>
    Pool,
}

/// <summary>A step as numbers (32 bytes).</summary>
internal readonly record struct StepRecord(StepKind Kind, int Ref, long A, long B, long C);

/// <summary>A growable array of steps shared by all claims of a run (claim i owns a contiguous range).</summary>
internal sealed class StepBuffer(int capacity)
{
    private StepRecord[] _items = new StepRecord[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(StepKind kind, int reference, long a, long b, long c)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = new StepRecord(kind, reference, a, b, c);
    }

    public StepRecord[] ToArray() => Count == _items.Length ? _items : _items.AsSpan(0, Count).ToArray();
}
