namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// A validated request with every string resolved to an index once (parts, tiers, enterprises, projects,
/// limit counters, pools) and the ledger of prior awards summed per counter. <see cref="CalculationEngine.Calculate(PreparedRequest)"/>
/// then runs on arrays only and can be run any number of times; it never changes this object.
/// </summary>
public sealed class PreparedRequest
{
    internal PreparedRequest(CompiledCatalog catalog, int year, IReadOnlyList<ClaimInput> source, PreparedClaim[] claims,
        int[] originalToSorted, decimal[] inputs, LedgerFacts[] ledger, int[] slots, int[] slotLimit, long[] slotPriorFen,
        long[] poolUsedFen, int groupCount)
    {
        Catalog = catalog;
        Year = year;
        Source = source;
        Claims = claims;
        OriginalToSorted = originalToSorted;
        Inputs = inputs;
        Ledger = ledger;
        Slots = slots;
        SlotLimit = slotLimit;
        SlotPriorFen = slotPriorFen;
        PoolUsedFen = poolUsedFen;
        GroupCount = groupCount;
    }

    public string District => Catalog.District;
    public int Year { get; }
    public int Count => Claims.Length;

    internal CompiledCatalog Catalog { get; }
    /// <summary>The claims as the request gave them (ids, codes and keys for the result).</summary>
    internal IReadOnlyList<ClaimInput> Source { get; }
    /// <summary>The claims in ordinal order of id: the order limits and pools are consumed in.</summary>
    internal PreparedClaim[] Claims { get; }
    internal int[] OriginalToSorted { get; }
    /// <summary>Second and third inputs (area; lpr, interestPaid; software), two per claim that has any.</summary>
    internal decimal[] Inputs { get; }
    /// <summary>Prior-award facts of the claims that have any (sparse: most claims have none).</summary>
    internal LedgerFacts[] Ledger { get; }
    /// <summary>Per claim, from <see cref="PreparedClaim.SlotStart"/>, one limit counter per limit of its part.</summary>
    internal int[] Slots { get; }
    /// <summary>Per counter: which limit it counts for.</summary>
    internal int[] SlotLimit { get; }
    /// <summary>Per counter: what prior awards already used of it (fen).</summary>
    internal long[] SlotPriorFen { get; }
    /// <summary>Per pool: <c>poolUsed</c> of the request (fen).</summary>
    internal long[] PoolUsedFen { get; }
    /// <summary>Number of (enterprise, project) pairs: the 从优不重复 groups.</summary>
    internal int GroupCount { get; }

    internal string IdOf(int sorted) => Source[Claims[sorted].Original].Id;
}

/// <summary>One claim resolved to indices. Laid out small: the hot loop streams through an array of these.</summary>
internal struct PreparedClaim
{
    public int Part;
    public int Figure;
    /// <summary>Position in the request.</summary>
    public int Original;
    /// <summary>从优不重复 group (the enterprise's project) when the part's scope is not None; -1 otherwise.</summary>
    public int Group;
    /// <summary>Index into <see cref="PreparedRequest.Ledger"/>, -1 when no prior award bears on the claim.</summary>
    public int Ledger;
    /// <summary>Index into <see cref="PreparedRequest.Slots"/>; the part's limit count says how many.</summary>
    public int SlotStart;
    /// <summary>Index of the first of two entries in <see cref="PreparedRequest.Inputs"/>, -1 when the kind reads none.</summary>
    public int InputStart;
    /// <summary>-1 = not given.</summary>
    public long RequestedFen;
    /// <summary>The base (amount; rent; principal; equipment).</summary>
    public decimal Amount;
}

/// <summary>What the ledger of prior awards says about one claim.</summary>
internal struct LedgerFacts
{
    /// <summary>从优不重复: prior awards of the same project under other in-scope parts.</summary>
    public long ExclusivePriorFen;
    /// <summary>The part with the largest of those, for the explanation.</summary>
    public int ExclusivePriorPart;
    /// <summary>一次性 / 晋级补差: prior awards of the same part (any project when one-time).</summary>
    public int OncePriorCount;
    public long OncePriorFen;
    public int OncePriorMaxLevel;
    /// <summary>The figure (tier) of the highest of those.</summary>
    public int OncePriorFigure;
    /// <summary>Distinct earlier years in which the enterprise received the part.</summary>
    public int PriorYears;
}
