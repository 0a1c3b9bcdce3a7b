using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PolicyPortal.Integration.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry at Warning or above, for tests that assert on what the app logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>
    /// Error entries other than EF Core's own record of a failed command (which the app may have caught and answered):
    /// an exception that escaped a request shows here as ASP.NET Core's "unhandled exception" event.
    /// </summary>
    public IReadOnlyList<Entry> Errors() =>
        [.. Entries.Where(e => e.Level >= LogLevel.Error && !e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) capture.Entries.Enqueue(new Entry(logLevel, category, eventId, formatter(state, exception), exception));
        }
    }
}
