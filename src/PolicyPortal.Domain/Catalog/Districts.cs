namespace PolicyPortal.Domain.Catalog;

/// <summary>The five districts the portal serves, in the order the portal lists them.</summary>
public static class Districts
{
    public static IReadOnlyList<string> All { get; } = ["fengtai", "shijingshan", "yizhuang", "tongzhou", "binjiang"];

    public static bool IsKnown(string? district) => district is not null && All.Contains(district, StringComparer.Ordinal);
}
