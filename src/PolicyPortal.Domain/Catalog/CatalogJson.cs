using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyPortal.Domain.Catalog;

/// <summary>The one JSON shape of a district catalog: the shipped files, export and import all use it.</summary>
public static class CatalogJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese stays readable in exported files instead of \uXXXX escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static PolicyDocument Parse(string json) =>
        JsonSerializer.Deserialize<PolicyDocument>(json, Options)
        ?? throw new JsonException("The catalog file is empty.");

    public static PolicyDocument Parse(Stream utf8Json) =>
        JsonSerializer.Deserialize<PolicyDocument>(utf8Json, Options)
        ?? throw new JsonException("The catalog file is empty.");

    public static string Write(PolicyDocument document) => JsonSerializer.Serialize(document, Options);
}
