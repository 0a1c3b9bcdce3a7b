using System.Globalization;

namespace PolicyPortal.Domain.Catalog;

/// <summary>How a changed figure is shown: a rate as a percentage, money in yuan, a count of years, a yes/no, a day, or as written.</summary>
public enum FigureKind { Percent, Money, Years, Flag, Date, Text }

/// <summary>
/// One changed figure between two catalog versions, readable in both languages:
/// "shijingshan.6.2 每家企业每年上限：5,000,000 元 → 3,000,000 元" / "shijingshan.6.2 yearly cap per enterprise: ¥5,000,000 → ¥3,000,000".
/// </summary>
public sealed record CatalogDifference(string Subject, string FieldZh, string FieldEn, FigureKind Kind, object? From, object? To)
{
    public string Zh => $"{Subject} {FieldZh}：{Show(From, chinese: true)} → {Show(To, chinese: true)}";
    public string En => $"{Subject} {FieldEn}: {Show(From, chinese: false)} → {Show(To, chinese: false)}";

    /// <summary>Chinese first: what notices and the audit log carry.</summary>
    public override string ToString() => Zh;

    private string Show(object? value, bool chinese) => (Kind, value) switch
    {
        (_, null) => "—",
        (FigureKind.Percent, decimal d) => (d * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%",
        (FigureKind.Money, decimal d) => chinese ? d.ToString("#,0.##", CultureInfo.InvariantCulture) + " 元" : "¥" + d.ToString("#,0.##", CultureInfo.InvariantCulture),
        (FigureKind.Years, int n) => chinese ? $"{n.ToString(CultureInfo.InvariantCulture)} 年" : $"{n.ToString(CultureInfo.InvariantCulture)} years",
        (FigureKind.Date, DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (FigureKind.Flag, bool b) => chinese ? (b ? "是" : "否") : (b ? "yes" : "no"),
        (_, IFormattable f) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "—",
    };

    /// <summary>The Chinese and English names of a per-part ceiling.</summary>
    public static (string Zh, string En) LimitName(LimitScope scope) => scope switch
    {
        LimitScope.EnterpriseYear => ("每家企业每年上限", "yearly cap per enterprise"),
        LimitScope.EnterpriseTotal => ("每家企业累计上限", "total cap per enterprise"),
        LimitScope.ProjectYear => ("每个项目每年上限", "yearly cap per project"),
        LimitScope.ProjectTotal => ("每个项目累计上限", "total cap per project"),
        _ => (scope.ToString(), scope.ToString()),
    };
}
