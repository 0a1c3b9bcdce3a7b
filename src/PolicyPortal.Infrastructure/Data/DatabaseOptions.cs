namespace PolicyPortal.Infrastructure.Data;

/// <summary>Which database the portal runs on (section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (the embedded default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder of the SQLite file on the embedded default; created when missing.</summary>
    public string DataFolder { get; set; } = "data";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
