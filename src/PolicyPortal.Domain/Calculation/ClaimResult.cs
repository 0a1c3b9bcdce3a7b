using System.Globalization;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// The outcome of one claim: <see cref="Eligible"/> (the rule's amount, step 1) and <see cref="Granted"/> (after
/// every step), with the explanation. A view over the calculation's arrays, so a million results cost no
/// million objects. Invariants: 0 ≤ Granted ≤ Eligible ≤ Cap (when a cap applies), Granted ≤ Requested,
/// all whole fen.
/// </summary>
public readonly struct ClaimResult : IEquatable<ClaimResult>
{
    private readonly CalculationResult _owner;
    private readonly int _sorted;

    internal ClaimResult(CalculationResult owner, int sorted)
    {
        _owner = owner;
        _sorted = sorted;
    }

    private ClaimInput Input => _owner.Request.Source[_owner.Request.SortedToOriginal[_sorted]];
    private int Part => _owner.Request.PartOf(_sorted);
    private int FigureIndex => _owner.Request.FigureOf(_sorted);
    private CompiledCatalog Catalog => _owner.Request.Catalog;

    public string Id => Input.Id;
    public string Clause => Catalog.Parts[Part].Code;
    public string? Tier => Catalog.Figures[FigureIndex].TierKey;
    public string Project => Input.Project;
    /// <summary>The claimant as the request named it (null = the request's single enterprise).</summary>
    public string? Enterprise => Input.Enterprise;
    /// <summary>The rule's amount (step 1): what the text allows for these inputs, before requested, exclusivity, limits and pools.</summary>
    public decimal Eligible => Fen.ToYuan(_owner.EligibleFen(_sorted));
    public decimal Granted => Fen.ToYuan(_owner.GrantedFen(_sorted));
    public long EligibleFen => _owner.EligibleFen(_sorted);
    public long GrantedFen => _owner.GrantedFen(_sorted);
    /// <summary>The cap of the claim's tier or part (最高…), when the text sets one.</summary>
    public decimal? Cap => Catalog.Figures[FigureIndex] is { HasCap: true } f ? f.Cap : null;
    public decimal? Requested => Input.Requested;
    /// <summary>False when the part is not open for application (no figures yet): eligible is 0.</summary>
    public bool Open => Catalog.Figures[FigureIndex].Computable;
    /// <summary>The article the claim is made under, as cited in Chinese: "石景山区第四条".</summary>
    public string Article => Catalog.CiteZh(Part);

    /// <summary>The steps that mattered, the rule first. Rendered to text only when asked.</summary>
    public IReadOnlyList<ExplanationStep> Explanation
    {
        get
        {
            var recorded = _owner.StepCount(_sorted);
            var list = new ExplanationStep[recorded + 1];
            list[0] = new ExplanationStep(_owner, _sorted, -1);
            for (var k = 0; k < recorded; k++) list[k + 1] = new ExplanationStep(_owner, _sorted, k);
            return list;
        }
    }

    /// <summary>One line per step, and the amount granted last.</summary>
    public IReadOnlyList<string> ExplanationLines(ExplanationLanguage language)
    {
        var lines = Explanation.Select(step => step.ToText(language)).ToList();
        lines.Add(ExplanationText.Granted(GrantedFen, language));
        return lines;
    }

    /// <summary>The explanation as text, one line per step; Chinese for a zh culture, English otherwise.</summary>
    public string Explain(CultureInfo culture) => Explain(ExplanationLanguages.For(culture));

    public string Explain(ExplanationLanguage language) => string.Join('\n', ExplanationLines(language));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} {Clause}: eligible {Eligible}, granted {Granted}");

    public bool Equals(ClaimResult other) => ReferenceEquals(_owner, other._owner) && _sorted == other._sorted;

    public override bool Equals(object? obj) => obj is ClaimResult other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_owner, _sorted);

    public static bool operator ==(ClaimResult left, ClaimResult right) => left.Equals(right);

    public static bool operator !=(ClaimResult left, ClaimResult right) => !left.Equals(right);
}
