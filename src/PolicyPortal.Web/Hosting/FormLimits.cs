using System.Security.Claims;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;

namespace PolicyPortal.Web.Hosting;

/// <summary>
/// The rate limits on form posts that attract scripts: sign-in (password guessing), registration (account spam) and evidence
/// uploads (storage filling), per client address, and uploads per user as well. A fixed window per partition; everything
/// else passes untouched (the public API has its own policy). Only posts count: reading the sign-in page is free.
/// </summary>
internal static partial class FormLimits
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions limits)
    {
        var window = TimeSpan.FromSeconds(limits.WindowSeconds);
        FixedWindowRateLimiterOptions Permit(int count) => new() { PermitLimit = count, Window = window, QueueLimit = 0 };

        var byAddress = PartitionedRateLimiter.Create<HttpContext, string>(http => Kind(http) switch
        {
            "sign-in" => RateLimitPartition.GetFixedWindowLimiter("sign-in|" + Address(http), _ => Permit(limits.SignInPerWindow)),
            "register" => RateLimitPartition.GetFixedWindowLimiter("register|" + Address(http), _ => Permit(limits.RegistrationPerWindow)),
            "upload" => RateLimitPartition.GetFixedWindowLimiter("upload|" + Address(http), _ => Permit(limits.UploadsPerWindowPerAddress)),
            _ => RateLimitPartition.GetNoLimiter(""),
        });
        var byUser = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            Kind(http) == "upload" && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
                ? RateLimitPartition.GetFixedWindowLimiter("upload-user|" + user, _ => Permit(limits.UploadsPerWindowPerUser))
                : RateLimitPartition.GetNoLimiter(""));
        return PartitionedRateLimiter.CreateChained(byAddress, byUser);
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Kind(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return null;
        var path = http.Request.Path.Value ?? "";
        if (string.Equals(path, "/account/login", StringComparison.OrdinalIgnoreCase)) return "sign-in";
        if (string.Equals(path, "/register", StringComparison.OrdinalIgnoreCase)) return "register";
        return UploadPath().IsMatch(path) ? "upload" : null;
    }

    [GeneratedRegex(@"^/enterprise/claims/\d{1,18}/evidence$", RegexOptions.IgnoreCase)]
    private static partial Regex UploadPath();
}
