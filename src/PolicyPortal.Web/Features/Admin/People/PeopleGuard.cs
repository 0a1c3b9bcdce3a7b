namespace PolicyPortal.Web.Features.Admin.People;

/// <summary>
/// For <see cref="AdminDistrictGuard"/>: a person's page (/admin/people/staff/{id}, /admin/people/enterprises/{id}) is answered
/// 404 before any page code runs when the person is outside the administrator's reach, so a forged post gets the same 404 as a
/// look (the page alone could only answer 400: the form it would have rendered is not there).
/// </summary>
internal static class PeopleGuard
{
    public static async Task<bool> InReachAsync(HttpContext context)
    {
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length != 4 || !string.Equals(segments[0], "admin", StringComparison.OrdinalIgnoreCase) || !string.Equals(segments[1], "people", StringComparison.OrdinalIgnoreCase))
            return true;
        var access = context.RequestServices.GetRequiredService<PeopleAccess>();
        var actor = await access.ActorAsync(context.User, context.RequestAborted);
        if (actor is null) return false;
        return segments[2].ToUpperInvariant() switch
        {
            "STAFF" => await access.FindStaffAsync(actor, segments[3], context.RequestAborted) is not null,
            "ENTERPRISES" => long.TryParse(segments[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                             && await access.FindEnterpriseAsync(actor, id, context.RequestAborted) is not null,
            _ => true,
        };
    }
}
