using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Calculation;

/// <summary>The prior awards summed by every key a step asks about.</summary>
internal sealed class PriorAwardLedger
{
    /// <summary>从优不重复: per project, prior awards under in-scope parts, by part.</summary>
    private readonly Dictionary<int, List<(int Part, long Fen)>> _exclusive = new();
    /// <summary>一次性 / 晋级补差: per (part, enterprise when one-time, else project); see <see cref="OnceKey"/>.</summary>
    private readonly Dictionary<long, LedgerFacts> _once = new();
    /// <summary>连续支持: per (part, enterprise), the distinct earlier years.</summary>
    private readonly Dictionary<long, List<int>> _years = new();
    /// <summary>Limits: per counter (limit, enterprise or project by the limit's scope); see <see cref="LimitKey"/>.</summary>
    public Dictionary<long, long> LimitPrior { get; } = new();

    // Keys packed into a long: the first index decides what the second counts (a project index already
    // names its enterprise), so (limit, project) and (limit, enterprise) never meet under one limit.
    private static long Pack(int first, int second) => ((long)first << 32) | (uint)second;

    public static long LimitKey(CompiledCatalog cat, int limit, int enterprise, int project) =>
        Pack(limit, RequestPreparer.IsProjectScope(cat.Limits[limit].Scope) ? project : enterprise);

    private static long OnceKey(CompiledPart part, int enterprise, int project) => Pack(part.Index, part.OneTime ? enterprise : project);

    public void Add(CompiledCatalog cat, int part, int figure, int enterprise, int project, int year, long fen, int requestYear)
    {
        var p = cat.Parts[part];
        if (p.Scope != ExclusivityScope.None)
        {
            if (!_exclusive.TryGetValue(project, out var list)) _exclusive.Add(project, list = []);
            var at = 0;
            while (at < list.Count && list[at].Part != part) at++;
            if (at == list.Count) list.Add((part, fen));
            else list[at] = (part, Fen.SaturatingAdd(list[at].Fen, fen));
        }
        if (p.OneTime || p.TopUp)
        {
            var key = OnceKey(p, enterprise, project);
            var level = cat.Figures[figure].Level;
            var f = _once.GetValueOrDefault(key, new LedgerFacts { OncePriorMaxLevel = int.MinValue, OncePriorFigure = -1 });
            f.OncePriorCount++;
            f.OncePriorFen = Fen.SaturatingAdd(f.OncePriorFen, fen);
            if (level > f.OncePriorMaxLevel)
            {
                f.OncePriorMaxLevel = level;
                f.OncePriorFigure = figure;
            }
            _once[key] = f;
        }
        if (p.ConsecutiveYears > 0 && year < requestYear)
        {
            if (!_years.TryGetValue(Pack(part, enterprise), out var years)) _years.Add(Pack(part, enterprise), years = []);
            if (!years.Contains(year)) years.Add(year);
        }
        foreach (var limit in p.Limits)
        {
            var scope = cat.Limits[limit].Scope;
            if (RequestPreparer.IsYearScope(scope) && year != requestYear) continue;
            var key = LimitKey(cat, limit, enterprise, project);
            LimitPrior[key] = Fen.SaturatingAdd(LimitPrior.GetValueOrDefault(key), fen);
        }
    }

    /// <summary>The facts bearing on a claim, or null when there are none (the common case).</summary>
    public LedgerFacts? FactsFor(CompiledCatalog cat, CompiledPart part, int enterprise, int project)
    {
        var facts = new LedgerFacts { ExclusivePriorPart = -1, OncePriorFigure = -1, OncePriorMaxLevel = int.MinValue };
        var any = false;
        if (part.Scope != ExclusivityScope.None && _exclusive.TryGetValue(project, out var list))
        {
            var best = -1L;
            foreach (var (other, fen) in list)
            {
                if (other == part.Index) continue;
                facts.ExclusivePriorFen = Fen.SaturatingAdd(facts.ExclusivePriorFen, fen);
                // Ties by lower code, so the cited part does not depend on the ledger's order.
                if (fen > best || (fen == best && cat.Parts[other].CodeRank < cat.Parts[facts.ExclusivePriorPart].CodeRank))
                {
                    best = fen;
                    facts.ExclusivePriorPart = other;
                }
            }
            any |= facts.ExclusivePriorFen > 0;
        }
        if ((part.OneTime || part.TopUp) && _once.TryGetValue(OnceKey(part, enterprise, project), out var once))
        {
            facts.OncePriorCount = once.OncePriorCount;
            facts.OncePriorFen = once.OncePriorFen;
            facts.OncePriorMaxLevel = once.OncePriorMaxLevel;
            facts.OncePriorFigure = once.OncePriorFigure;
            any = true;
        }
        if (part.ConsecutiveYears > 0 && _years.TryGetValue(Pack(part.Index, enterprise), out var years))
        {
            facts.PriorYears = years.Count;
            any = true;
        }
        return any ? facts : null;
    }
}
