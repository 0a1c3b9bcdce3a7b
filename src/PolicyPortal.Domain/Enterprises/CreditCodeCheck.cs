using System.Diagnostics.CodeAnalysis;

namespace PolicyPortal.Domain.Enterprises;

/// <summary>The outcome of <see cref="CreditCode.Check"/>: the code, or the problem and a message naming it.</summary>
public sealed record CreditCodeCheck
{
    private CreditCodeCheck(string normalized) => Normalized = normalized;

    [MemberNotNullWhen(true, nameof(Code))]
    public bool IsValid => Code is not null;

    /// <summary>What was typed, cleaned up (whitespace removed, half-width, upper case); shown back to the user as is.</summary>
    public string Normalized { get; }

    /// <summary>Null when valid.</summary>
    public CreditCodeProblem? Problem { get; private init; }

    /// <summary>The 1-based position of an invalid character, for highlighting. A wrong check character has none: the typo can be anywhere.</summary>
    public int? Position { get; private init; }

    /// <summary>Null when valid.</summary>
    public BilingualText? Message { get; private init; }

    /// <summary>Set when valid.</summary>
    public CreditCode? Code { get; private init; }

    internal static CreditCodeCheck Passed(CreditCode code) => new(code.Value) { Code = code };

    internal static CreditCodeCheck Failed(string normalized, CreditCodeProblem problem, BilingualText message, int? position = null) =>
        new(normalized) { Problem = problem, Message = message, Position = position };
}
