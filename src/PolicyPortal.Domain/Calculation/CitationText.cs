using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyPortal.Domain.Calculation;

/// <summary>Article references as the texts print them ("第十三条", "（六）", "附则（一）"), and their English form.</summary>
internal static partial class CitationText
{
    /// <summary>"第十三条" → "Art. 13"; "第十一条至第十五条" → "Arts. 11–15"; "（六）" → "(6)"; "附则（一）" → "Supplementary provisions (1)". Anything else is kept as printed.</summary>
    public static string ArticleEn(string label)
    {
        var range = RangePattern().Match(label);
        if (range.Success && TryParse(range.Groups[1].Value, out var from) && TryParse(range.Groups[2].Value, out var to))
            return string.Create(CultureInfo.InvariantCulture, $"Arts. {from}–{to}");
        var single = ArticlePattern().Match(label);
        if (single.Success && TryParse(single.Groups[1].Value, out var n))
            return string.Create(CultureInfo.InvariantCulture, $"Art. {n}");
        var item = ItemPattern().Match(label);
        if (item.Success && TryParse(item.Groups[2].Value, out var m))
        {
            var prefix = item.Groups[1].Value.Length > 0 ? "Supplementary provisions " : "";
            return string.Create(CultureInfo.InvariantCulture, $"{prefix}({m})");
        }
        return string.Equals(label, "附则", StringComparison.Ordinal) ? "Supplementary provisions" : label;
    }

    /// <summary>Chinese numerals up to 999 (一 … 九百九十九), or ASCII digits.</summary>
    public static bool TryParse(string text, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
        value = 0;
        var current = 0;
        foreach (var ch in text)
        {
            var digit = "零一二三四五六七八九".IndexOf(ch, StringComparison.Ordinal);
            if (ch == '〇') digit = 0;
            if (ch == '两') digit = 2;
            if (digit >= 0) current = digit;
            else if (ch == '十') { value += (current == 0 ? 1 : current) * 10; current = 0; }
            else if (ch == '百') { value += (current == 0 ? 1 : current) * 100; current = 0; }
            else return false;
        }
        value += current;
        return text.Length > 0;
    }

    // Anywhere in the label: "第三章导语（第十一条至第十五条）" cites articles 11–15.
    [GeneratedRegex(@"第([零〇一二三四五六七八九十百两\d]+)条\s*(?:至|到|—|–|-|~)\s*第([零〇一二三四五六七八九十百两\d]+)条")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^第([零〇一二三四五六七八九十百两\d]+)条$")]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^(附则)?[（(]([零〇一二三四五六七八九十百两\d]+)[）)]$")]
    private static partial Regex ItemPattern();
}
