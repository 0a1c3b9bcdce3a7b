using Serilog;
using Serilog.Formatting.Json;

namespace PolicyPortal.Web.Hosting;

/// <summary>Serilog to the console: readable text in Development, JSON (one event a line) everywhere else.</summary>
internal static class LoggingSetup
{
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var config = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("app", "PolicyPortal");
        config = builder.Environment.IsDevelopment()
            ? config.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            : config.WriteTo.Console(new JsonFormatter(renderMessage: true));
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(config.CreateLogger(), dispose: true);
    }
}

/// <summary>Start-up lines a person running the portal reads first.</summary>
internal static class PortalLog
{
    public static void Started(WebApplication app)
    {
        var urls = string.Join(", ", app.Urls);
        var provider = app.Configuration["Database:Provider"] ?? "Sqlite";
        app.Logger.LogInformation("PolicyPortal is running at {Urls} (database: {Provider})", urls, provider);
        // Also a plain line on stdout, so the URL is visible whatever the log format.
        Console.WriteLine($"PolicyPortal: open {urls}  (database: {provider})");
    }
}
