using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one named by POLICYPORTAL_TEST_POSTGRES (a connection string with rights to
/// create databases), or else a throwaway cluster started from the server binaries on this machine
/// (/usr/lib/postgresql/*/bin; as the postgres user when running as root) on a free port, removed when the test process
/// ends. If neither is possible the tests fail with a message saying what to install: they never skip.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "POLICYPORTAL_TEST_POSTGRES";
    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);

    /// <summary>A connection string to the server's maintenance database.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => AdminConnection.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await GetAdminConnectionStringAsync();
        var full = string.Create(CultureInfo.InvariantCulture, $"pp_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}");
        var name = full[..Math.Min(full.Length, 60)];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(await GetAdminConnectionStringAsync());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await EnsureReachableAsync(configured, $"{EnvironmentVariable} is set but the server it names does not answer");
            return configured;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException(
                "These tests need PostgreSQL. Either set " + EnvironmentVariable + " to a connection string of a server where the user may " +
                "create databases, or install the PostgreSQL server binaries (Debian: apt-get install -y postgresql) so the tests can start a " +
                "throwaway cluster. The tests do not skip without it.");

        var dir = Path.Combine(Path.GetTempPath(), $"policyportal-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", $"postgres:postgres {dir}", null);
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
        var options = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -l {dir}/server.log -o \"{options}\" -w -t 60 start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate -w stop", asRoot).GetAwaiter().GetResult();
                Directory.Delete(dir, recursive: true);
            }
#pragma warning disable CA1031 // Best-effort clean-up when the test process ends.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        };
        var cs = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=120";
        await EnsureReachableAsync(cs, "the throwaway PostgreSQL cluster did not start");
        return cs;
    }

    private static async Task EnsureReachableAsync(string connectionString, string failure)
    {
        try
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL: {failure}: {ex.Message}", ex);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool? asPostgres)
    {
        var start = asPostgres == true
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"PostgreSQL set-up failed: {file} {arguments} exited {process.ExitCode}: {await stderr}{await stdout}");
    }
}
