using System.Text;

namespace PolicyPortal.Domain;

/// <summary>Cleans up codes and numbers as people type or paste them, before they are checked.</summary>
internal static class TypedText
{
    /// <summary>
    /// Drops all whitespace (the codes this is for never contain any, and PDFs and chat apps insert it), turns
    /// full-width ASCII (a Chinese IME's ９１ＡＢ－) into half-width, and upper-cases.
    /// </summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c)) continue;
            var half = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            builder.Append(char.ToUpperInvariant(half));
        }
        return builder.ToString();
    }
}
