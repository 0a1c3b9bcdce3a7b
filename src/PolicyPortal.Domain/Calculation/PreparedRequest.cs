namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// A validated request with every string resolved to an index once (parts, tiers, enterprises, projects,
/// limit counters, pools) and the ledger of prior awards summed per counter. <see cref="CalculationEngine.Calculate(PreparedRequest)"/>
/// then runs on arrays only and can be run any number of times; it never changes this object.
/// </summary>
public sealed class PreparedRequest
{
    internal PreparedRequest(CompiledCatalog catalog, int year, IReadOnlyList<ClaimInput> source, RuleInput[] rules, decimal[] amounts, StepInput[] steps,
        int[] originalToSorted, int[] sortedToOriginal, decimal[] inputs, LedgerFacts[] ledger, int[] slots, int[] slotLimit, long[] slotLimitFen,
        long[] slotPriorFen, long[] poolUsedFen, int groupCount)
    {
        Catalog = catalog;
        Year = year;
        Source = source;
        Rules = rules;
        Amounts = amounts;
        Steps = steps;
        OriginalToSorted = originalToSorted;
        SortedToOriginal = sortedToOriginal;
        Inputs = inputs;
        Ledger = ledger;
        Slots = slots;
        SlotLimit = slotLimit;
        SlotLimitFen = slotLimitFen;
        SlotPriorFen = slotPriorFen;
        PoolUsedFen = poolUsedFen;
        GroupCount = groupCount;
    }

    public string District => Catalog.District;
    public int Year { get; }
    public int Count => Rules.Length;

    internal CompiledCatalog Catalog { get; }
    /// <summary>The claims as the request gave them (ids, codes and keys for the result).</summary>
    internal IReadOnlyList<ClaimInput> Source { get; }
    /// <summary>
    /// The claims in ordinal order of id (the order limits and pools are consumed in), split by pass so each pass
    /// streams only what it reads: the rule's inputs (pass 1) and the step indices (pass 2).
    /// </summary>
    internal RuleInput[] Rules { get; }
    /// <summary>Each claim's base as given (the rule reads <see cref="RuleInput.AmountFen"/> when it is whole fen).</summary>
    internal decimal[] Amounts { get; }
    internal StepInput[] Steps { get; }
    internal int[] OriginalToSorted { get; }
    internal int[] SortedToOriginal { get; }
    /// <summary>Second and third inputs (area; lpr, interestPaid; software), two per claim that has any.</summary>
    internal decimal[] Inputs { get; }
    /// <summary>Prior-award facts of the claims that have any (sparse: most claims have none).</summary>
    internal LedgerFacts[] Ledger { get; }
    /// <summary>Per claim, from <see cref="PreparedClaim.SlotStart"/>, one limit counter per limit of its part.</summary>
    internal int[] Slots { get; }
    /// <summary>Per counter: which limit it counts for.</summary>
    internal int[] SlotLimit { get; }
    /// <summary>Per counter: the limit's amount (fen).</summary>
    internal long[] SlotLimitFen { get; }
    /// <summary>Per counter: what prior awards already used of it (fen).</summary>
    internal long[] SlotPriorFen { get; }
    /// <summary>Per pool: <c>poolUsed</c> of the request (fen).</summary>
    internal long[] PoolUsedFen { get; }
    /// <summary>Number of 从优不重复 groups (projects with two or more claims in scope).</summary>
    internal int GroupCount { get; }

    internal string IdOf(int sorted) => Source[SortedToOriginal[sorted]].Id;
    internal int PartOf(int sorted) => Steps[sorted].Part;
    internal int FigureOf(int sorted) => Rules[sorted].Figure;
    internal decimal AmountOf(int sorted) => Amounts[sorted];
    internal decimal Input1Of(int sorted) => Rules[sorted].InputStart < 0 ? 0m : Inputs[Rules[sorted].InputStart];
    internal decimal Input2Of(int sorted) => Rules[sorted].InputStart < 0 ? 0m : Inputs[Rules[sorted].InputStart + 1];
}

/// <summary>One claim resolved to indices, while the request is prepared (then split into <see cref="RuleInput"/> and <see cref="StepInput"/>).</summary>
internal struct PreparedClaim
{
    public int Part;
    public int Figure;
    /// <summary>从优不重复 group (the enterprise's project, when two or more of its claims are in scope); -1 otherwise.</summary>
    public int Group;
    /// <summary>Index into <see cref="PreparedRequest.Ledger"/>, -1 when no prior award bears on the claim.</summary>
    public int Ledger;
    /// <summary>Index into <see cref="PreparedRequest.Slots"/>, and how many (the part's limits).</summary>
    public int SlotStart;
    public short SlotCount;
    /// <summary>The part's budget pool, -1 = none.</summary>
    public short Pool;
    /// <summary>Index of the first of two entries in <see cref="PreparedRequest.Inputs"/>, -1 when the kind reads none.</summary>
    public int InputStart;
    /// <summary>-1 = not given.</summary>
    public long RequestedFen;
    /// <summary>The base (amount; rent; principal; equipment).</summary>
    public decimal Amount;

    public readonly RuleInput Rule => new()
    {
        Figure = Figure, InputStart = InputStart, Group = Group, RequestedFen = RequestedFen,
        AmountFen = Amount <= Fen.MaxYuan && Fen.IsWholeFen(Amount) ? Fen.FromYuan(Amount) : -1,
    };

    public readonly StepInput Step => new() { Part = Part, Group = Group, Ledger = Ledger, SlotStart = SlotStart, SlotCount = SlotCount, Pool = Pool };
}

/// <summary>What pass 1 (rule, requested, 从优不重复 contest) reads of a claim: 32 bytes.</summary>
internal struct RuleInput
{
    public int Figure;
    public int InputStart;
    public int Group;
    /// <summary>-1 = not given.</summary>
    public long RequestedFen;
    /// <summary>The base in fen, -1 when it is not whole fen (then the decimal in <see cref="PreparedRequest.Amounts"/> is used).</summary>
    public long AmountFen;
}

/// <summary>What pass 2 (ledger, limits, pools) reads of a claim: 20 bytes.</summary>
internal struct StepInput
{
    public int Part;
    public int Group;
    public int Ledger;
    public int SlotStart;
    public short SlotCount;
    public short Pool;
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
