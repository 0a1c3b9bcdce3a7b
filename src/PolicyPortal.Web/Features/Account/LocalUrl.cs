namespace PolicyPortal.Web.Features.Account;

/// <summary>Return addresses after sign-in: only paths on this site ("/x", not "//host" or "/\host"), so no open redirect.</summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
