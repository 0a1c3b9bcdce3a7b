using PolicyPortal.Domain.Enterprises;
using System.Globalization;
using System.Text.Json;
using PolicyPortal.Domain;
using PolicyPortal.Domain.Applications;

namespace PolicyPortal.Web.Features.Audit;

/// <summary>How audit actions and their before/after fields are shown, in both languages.</summary>
internal static class AuditNames
{
    private static readonly Dictionary<string, BilingualText> Actions = new(StringComparer.Ordinal)
    {
        ["Create"] = new("创建草稿", "Draft created"),
        ["ApproveClaim"] = new("核定事项", "Claim approved"),
        ["RejectClaim"] = new("驳回事项", "Claim rejected"),
        ["VoidDecision"] = new("决定作废", "Decision voided"),
        ["RemindReviewers"] = new("审核到期提醒", "Reviewers reminded"),
        ["EscalateOverdue"] = new("超期上报", "Overdue escalated"),
    };

    private static readonly Dictionary<string, BilingualText> Fields = new(StringComparer.Ordinal)
    {
        ["status"] = new("状态", "status"),
        ["decision"] = new("决定", "decision"),
        ["approvedFen"] = new("核定金额", "approved"),
        ["allowedFen"] = new("测算可核定", "engine allows"),
        ["frozenGrantedFen"] = new("提交时测算", "frozen"),
        ["frozenTotalFen"] = new("测算合计", "frozen total"),
        ["quotaReturnedFen"] = new("退回额度", "quota returned"),
        ["reason"] = new("理由", "reason"),
        ["supplementDeadline"] = new("补正期限", "supplement deadline"),
        ["supplementRequest"] = new("补正要求", "supplement request"),
        ["trackingNumber"] = new("受理编号", "tracking number"),
        ["catalogVersion"] = new("政策版本", "catalog version"),
        ["reviewDue"] = new("审核期限", "review due"),
        ["clause"] = new("条款", "clause"),
    };

    public static string Action(string action, bool english)
    {
        var name = Enum.TryParse<ApplicationAction>(action, out var a) ? a.DisplayName() : Actions.GetValueOrDefault(action);
        return name is null ? action : english ? name.En : name.Zh;
    }

    /// <summary>The fields that differ between before and after, as "field: before → after" (money in yuan, statuses by name).</summary>
    public static IReadOnlyList<string> Changes(string? before, string? after, bool english)
    {
        var b = Parse(before);
        var a = Parse(after);
        var lines = new List<string>();
        foreach (var key in a.Keys.Concat(b.Keys).Distinct(StringComparer.Ordinal))
        {
            if (!Fields.TryGetValue(key, out var label)) continue;
            var from = b.TryGetValue(key, out var x) ? Show(key, x, english) : null;
            var to = a.TryGetValue(key, out var y) ? Show(key, y, english) : null;
            if (from == to) continue;
            lines.Add($"{(english ? label.En : label.Zh)}: {from ?? "—"} → {to ?? "—"}");
        }
        return lines;
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object
            ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
            : [];
    }

    private static string? Show(string key, JsonElement value, bool english)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (key.EndsWith("Fen", StringComparison.Ordinal) && value.TryGetInt64(out var fen))
            return (fen / 100m).ToString("N2", CultureInfo.InvariantCulture) + (english ? " yuan" : " 元");
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            // Contact details are masked in every audit view, as in lists and exports.
            if (key.Contains("phone", StringComparison.OrdinalIgnoreCase) || key.Contains("email", StringComparison.OrdinalIgnoreCase)) return ContactMask.Any(text);
            if (key == "status" && Enum.TryParse<ApplicationStatus>(text, out var status)) return english ? status.DisplayName().En : status.DisplayName().Zh;
            if (key == "decision" && Enum.TryParse<ClaimDecision>(text, out var d)) return d == ClaimDecision.Approved ? (english ? "approved" : "通过") : (english ? "rejected" : "不予支持");
            if (key == "supplementDeadline" && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                return BeijingTime.DateOf(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return text;
        }
        return value.GetRawText();
    }
}
