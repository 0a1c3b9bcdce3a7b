using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>
/// A real S3-protocol server on loopback for the object-storage tests: s3rver from npm (S3Peer/package.json and its
/// lock file), installed on first use with `npm ci` and started on a free port with one bucket. Stopped when disposed.
/// </summary>
public sealed class S3Peer : IAsyncDisposable
{
    public const string Bucket = "policyportal-evidence";
    private readonly Process _process;
    private readonly string _data;

    private S3Peer(Process process, string data, Uri endpoint)
    {
        _process = process;
        _data = data;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<S3Peer> StartAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "S3Peer");
        if (!File.Exists(Path.Combine(folder, "node_modules", "s3rver", "bin", "s3rver.js")))
            await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", folder, "npm is needed to install s3rver for the object-storage tests (apt-get install nodejs npm)");
        var data = Path.Combine(Path.GetTempPath(), $"pp-s3-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        var start = new ProcessStartInfo("node", $"node_modules/s3rver/bin/s3rver.js -d {data} -a 127.0.0.1 -p {port} --silent --configure-bucket {Bucket}")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start s3rver");
        var endpoint = new Uri($"http://127.0.0.1:{port}");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new S3Peer(process, data, endpoint);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"s3rver did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private static async Task RunAsync(string file, string arguments, string folder, string failure)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException(failure);
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{failure}: {await error}");
    }
}
