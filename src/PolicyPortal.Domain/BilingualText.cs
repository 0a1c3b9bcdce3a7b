using PolicyPortal.Domain.Calculation;

namespace PolicyPortal.Domain;

/// <summary>A message shown to users, in both UI languages (Simplified Chinese first).</summary>
public sealed record BilingualText(string Zh, string En)
{
    public string In(ExplanationLanguage language) => language == ExplanationLanguage.Chinese ? Zh : En;

    public override string ToString() => $"{Zh} / {En}";
}
