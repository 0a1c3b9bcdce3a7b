using System.Globalization;
using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Calculation;

/// <summary>The wording of every input error, in Chinese and English (field paths are built only when an error occurs).</summary>
internal static class InputErrors
{
    private static string V(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Path(string list, int index, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{field}");

    public static CalculationInputError DistrictMismatch(string? given, string expected) => new("district",
        $"请求的区“{given}”与本计算引擎的区“{expected}”不一致",
        $"The request is for district '{given}', but this engine computes '{expected}'");

    public static CalculationInputError YearOutOfRange(string field, int year) => new(field,
        string.Create(CultureInfo.InvariantCulture, $"年度 {year} 超出 2000–2100 的范围"),
        string.Create(CultureInfo.InvariantCulture, $"Year {year} is outside 2000–2100"));

    public static CalculationInputError Required(string field, string nameZh, string nameEn) => new(field,
        $"缺少{nameZh}", $"{nameEn} is required");

    public static CalculationInputError DuplicateId(string field, string id, int firstIndex) => new(field,
        string.Create(CultureInfo.InvariantCulture, $"申报编号“{id}”重复（与 claims[{firstIndex}] 相同）"),
        string.Create(CultureInfo.InvariantCulture, $"Claim id '{id}' is used twice (also claims[{firstIndex}])"));

    public static CalculationInputError UnknownClause(string field, string code) => new(field,
        $"未知条款“{code}”", $"Unknown clause '{code}'");

    public static CalculationInputError ClauseOfOtherDistrict(string field, string code, string district) => new(field,
        $"条款“{code}”属于其他区，不在本区（{district}）的政策中",
        $"Clause '{code}' belongs to another district, not to this district's ({district}) policy");

    public static CalculationInputError MissingTier(string field, string code, string keys) => new(field,
        $"条款 {code} 分档，须指明档位（{keys}）", $"Clause {code} is tiered: name a tier ({keys})");

    public static CalculationInputError UnknownTier(string field, string code, string tier, string keys) => new(field,
        $"条款 {code} 没有档位“{tier}”（可选：{keys}）", $"Clause {code} has no tier '{tier}' (choose from: {keys})");

    public static CalculationInputError TierOnUntieredPart(string field, string code, string tier) => new(field,
        $"条款 {code} 不分档，不应指明档位“{tier}”", $"Clause {code} has no tiers; tier '{tier}' does not apply");

    public static CalculationInputError Negative(string field, decimal value) => new(field,
        $"不能为负数（当前 {V(value)}）", $"Must not be negative (got {V(value)})");

    public static CalculationInputError Absurd(string field, decimal value) => new(field,
        $"数值 {V(value)} 超出合理范围（不超过 1e13），请检查单位（金额以元计）",
        $"Value {V(value)} is beyond any plausible amount (at most 1e13); check the unit (money is in yuan)");

    public static CalculationInputError NotWholeFen(string field, decimal value) => new(field,
        $"金额 {V(value)} 须精确到分", $"Amount {V(value)} must be in whole fen (0.01 yuan)");

    public static CalculationInputError LprNotFraction(string field, decimal value) => new(field,
        $"LPR 应为小数（如 0.0345 表示 3.45%），当前 {V(value)}",
        $"LPR must be a fraction (0.0345 for 3.45%), got {V(value)}");

    public static CalculationInputError MissingInput(string field, string code, RuleKind kind, string inputZh, string inputEn) => new(field,
        $"条款 {code}（{kind}）需要输入{inputZh}", $"Clause {code} ({kind}) needs the input {inputEn}");

    public static CalculationInputError UnknownPool(string field, string key) => new(field,
        $"未知资金池“{key}”", $"Unknown budget pool '{key}'");
}
