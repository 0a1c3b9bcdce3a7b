namespace PolicyPortal.Domain.Calculation;

/// <summary>One thing wrong with a calculation request: where (a field path such as "claims[1].tier") and why, in both UI languages.</summary>
public sealed record CalculationInputError(string Field, string MessageZh, string MessageEn)
{
    public override string ToString() => $"{Field}: {MessageZh} / {MessageEn}";
}

/// <summary>The request cannot be computed as given; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public sealed class CalculationInputException : Exception
{
    public IReadOnlyList<CalculationInputError> Errors { get; }

    public CalculationInputException(IReadOnlyList<CalculationInputError> errors)
        : base("计算请求有误 / Invalid calculation request: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public CalculationInputException() : this([]) { }

    public CalculationInputException(string message) : base(message) => Errors = [];

    public CalculationInputException(string message, Exception innerException) : base(message, innerException) => Errors = [];
}
