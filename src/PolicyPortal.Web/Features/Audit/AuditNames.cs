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
        ["InviteStaff"] = new("邀请人员", "Staff invited"),
        ["ResendInvitation"] = new("重新发送邀请", "Invitation sent again"),
        ["ActivateAccount"] = new("受邀人设置密码", "Invitation accepted"),
        ["ChangeRole"] = new("变更角色或所属区", "Role or district changed"),
        ["DisableAccount"] = new("停用账号", "Account disabled"),
        ["EnableAccount"] = new("启用账号", "Account enabled"),
        ["LockAccount"] = new("锁定企业账号", "Enterprise account locked"),
        ["UnlockAccount"] = new("解锁企业账号", "Enterprise account unlocked"),
        ["ExportAuditLog"] = new("导出审计日志", "Audit log exported"),
    };

    /// <summary>The actions the audit viewer offers as suggestions (any action can still be typed).</summary>
    public static IEnumerable<string> KnownActions => Enum.GetNames<ApplicationAction>().Concat(Actions.Keys).Order(StringComparer.Ordinal);

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
        ["userName"] = new("用户名", "user name"),
        ["displayName"] = new("姓名", "name"),
        ["role"] = new("角色", "role"),
        ["district"] = new("所属区", "district"),
        ["disabled"] = new("停用/锁定", "disabled/locked"),
        ["email"] = new("邮箱", "e-mail"),
        ["invited"] = new("待设置密码", "invited"),
    };

    public static string Action(string action, bool english)
    {
        var name = Enum.TryParse<ApplicationAction>(action, out var a) ? a.DisplayName() : Actions.GetValueOrDefault(action);
        return name is null ? action : english ? name.En : name.Zh;
    }

    /// <summary>The fields that differ between before and after, as "field: before → after" (money in yuan, statuses by name).</summary>
    /// <param name="everyField">Also fields without a label (by their JSON name): the audit viewer shows everything.</param>
    /// <param name="names">Names of roles and districts (the shared resources); without it they show as their keys.</param>
    public static IReadOnlyList<string> Changes(string? before, string? after, bool english, bool everyField = false, Microsoft.Extensions.Localization.IStringLocalizer? names = null)
    {
        var b = Parse(before);
        var a = Parse(after);
        var lines = new List<string>();
        foreach (var key in a.Keys.Concat(b.Keys).Distinct(StringComparer.Ordinal))
        {
            if (!Fields.TryGetValue(key, out var label))
            {
                if (!everyField) continue;
                label = new(key, key);
            }
            var from = b.TryGetValue(key, out var x) ? Show(key, x, english, names) : null;
            var to = a.TryGetValue(key, out var y) ? Show(key, y, english, names) : null;
            if (from == to) continue;
            lines.Add($"{(english ? label.En : label.Zh)}: {from ?? "—"} → {to ?? "—"}");
        }
        return lines;
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            // A very long before/after was clipped when it was written: the viewer and the export still show it raw.
            return [];
        }
    }

    private static string? Show(string key, JsonElement value, bool english, Microsoft.Extensions.Localization.IStringLocalizer? names)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean() ? (english ? "yes" : "是") : (english ? "no" : "否");
        if (key.EndsWith("Fen", StringComparison.Ordinal) && value.TryGetInt64(out var fen))
            return (fen / 100m).ToString("N2", CultureInfo.InvariantCulture) + (english ? " yuan" : " 元");
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            // Contact details are masked in every audit view, as in lists and exports.
            if (key.Contains("phone", StringComparison.OrdinalIgnoreCase) || key.Contains("email", StringComparison.OrdinalIgnoreCase)) return ContactMask.Any(text);
            if (names is not null && key is "role" or "district")
            {
                var name = names[key == "role" ? $"Role.{text}" : $"District.{text}"];
                if (!name.ResourceNotFound) return name.Value;
            }
            if (key == "status" && Enum.TryParse<ApplicationStatus>(text, out var status)) return english ? status.DisplayName().En : status.DisplayName().Zh;
            if (key == "decision" && Enum.TryParse<ClaimDecision>(text, out var d)) return d == ClaimDecision.Approved ? (english ? "approved" : "通过") : (english ? "rejected" : "不予支持");
            if (key == "supplementDeadline" && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                return BeijingTime.DateOf(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return text;
        }
        return value.GetRawText();
    }
}
