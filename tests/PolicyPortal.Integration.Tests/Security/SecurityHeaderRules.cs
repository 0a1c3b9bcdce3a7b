namespace PolicyPortal.Integration.Tests.Security;

/// <summary>What every response must carry, whatever its status or type: the checks shared by the matrix and the header tests.</summary>
public static class SecurityHeaderRules
{
    public static List<string> Problems(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<string>();
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(",", v) : null;

        if (Header("X-Content-Type-Options") != "nosniff") problems.Add("X-Content-Type-Options is not nosniff");
        if (Header("Referrer-Policy") is null) problems.Add("no Referrer-Policy");
        var csp = Header("Content-Security-Policy");
        if (Header("X-Frame-Options") != "DENY" && csp?.Contains("frame-ancestors 'none'", StringComparison.Ordinal) != true)
            problems.Add("framing is not denied");
        if (csp is null) problems.Add("no Content-Security-Policy");
        else
        {
            var script = csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal))
                         ?? csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("default-src", StringComparison.Ordinal)) ?? "";
            if (script.Contains("'unsafe-inline'", StringComparison.Ordinal) || script.Contains("'unsafe-eval'", StringComparison.Ordinal))
                problems.Add($"scripts may run inline: {script}");
        }
        return problems;
    }
}
