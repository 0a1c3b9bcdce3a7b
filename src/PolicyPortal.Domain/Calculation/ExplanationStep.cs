using System.Globalization;

namespace PolicyPortal.Domain.Calculation;

/// <summary>The two languages of the portal's UI.</summary>
public enum ExplanationLanguage
{
    Chinese,
    English,
}

public static class ExplanationLanguages
{
    /// <summary>Chinese for any zh culture (zh-CN, zh-Hans …), English for the rest.</summary>
    public static ExplanationLanguage For(CultureInfo? culture) =>
        culture is null || string.Equals(culture.TwoLetterISOLanguageName, "zh", StringComparison.Ordinal)
            ? ExplanationLanguage.Chinese
            : ExplanationLanguage.English;
}

/// <summary>What a step of the calculation did.</summary>
public enum ExplanationStepKind
{
    /// <summary>Step 1: the rule's formula on the claim (capped, rounded).</summary>
    Rule,
    /// <summary>Step 1: the part is not open for application (尚未开放申报): 0.</summary>
    NotOpen,
    /// <summary>Step 1: the base is below the part's minimum: 0.</summary>
    BelowMinimum,
    /// <summary>Step 2: the enterprise asked for less.</summary>
    Requested,
    /// <summary>Step 3: another claim of the same project is more favourable (从优不重复).</summary>
    Superseded,
    /// <summary>Step 3: the project already received support under another part; only the difference.</summary>
    ExclusivePrior,
    /// <summary>Step 4: one-time support already received (一次性), at this tier or higher.</summary>
    AlreadyAwarded,
    /// <summary>Step 4: promotion to a higher tier pays the difference (晋级补差).</summary>
    TopUp,
    /// <summary>Step 5: supported in as many earlier years as the part allows.</summary>
    ConsecutiveYears,
    /// <summary>Step 6: a part or shared limit leaves less room.</summary>
    Limit,
    /// <summary>Step 7: the budget pool has less left.</summary>
    Pool,
}

/// <summary>
/// One step of a claim's explanation, held as numbers; <see cref="ToText(ExplanationLanguage)"/> renders it.
/// </summary>
public readonly struct ExplanationStep : IEquatable<ExplanationStep>
{
    private readonly CalculationResult _owner;
    private readonly int _sorted;
    /// <summary>-1 = the rule step (derived from the claim), otherwise the recorded step's position.</summary>
    private readonly int _index;

    internal ExplanationStep(CalculationResult owner, int sorted, int index)
    {
        _owner = owner;
        _sorted = sorted;
        _index = index;
    }

    public ExplanationStepKind Kind => _index < 0
        ? ExplanationText.RuleKindOf(_owner, _sorted)
        : _owner.View(_sorted, _index).Kind switch
        {
            StepKind.Requested => ExplanationStepKind.Requested,
            StepKind.Superseded => ExplanationStepKind.Superseded,
            StepKind.ExclusivePrior => ExplanationStepKind.ExclusivePrior,
            StepKind.AlreadyAwarded => ExplanationStepKind.AlreadyAwarded,
            StepKind.TopUp => ExplanationStepKind.TopUp,
            StepKind.ConsecutiveYears => ExplanationStepKind.ConsecutiveYears,
            StepKind.Limit => ExplanationStepKind.Limit,
            StepKind.Pool => ExplanationStepKind.Pool,
            _ => throw new InvalidOperationException("Unknown step kind."),
        };

    public string ToText(ExplanationLanguage language) => _index < 0
        ? ExplanationText.Rule(_owner, _sorted, language)
        : ExplanationText.Step(_owner, _sorted, _owner.View(_sorted, _index), language);

    public string ToText(CultureInfo culture) => ToText(ExplanationLanguages.For(culture));

    public override string ToString() => ToText(ExplanationLanguage.Chinese);

    public bool Equals(ExplanationStep other) => ReferenceEquals(_owner, other._owner) && _sorted == other._sorted && _index == other._index;

    public override bool Equals(object? obj) => obj is ExplanationStep other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_owner, _sorted, _index);

    public static bool operator ==(ExplanationStep left, ExplanationStep right) => left.Equals(right);

    public static bool operator !=(ExplanationStep left, ExplanationStep right) => !left.Equals(right);
}
