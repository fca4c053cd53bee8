using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AgentPath.Bench;

/// <summary>
/// The hosted app's log, instead of the console: warnings and errors are counted by category, event and exception
/// (first line of the message), the first few of each are printed on one line, and the report lists the counts.
/// An error the app logs and recovers from (an expected race, say) is then visible without burying the console in stack traces.
/// </summary>
public sealed partial class ServerLog : ILoggerProvider
{
    [System.Text.RegularExpressions.GeneratedRegex("[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex Digits();

    private const int PrintFirst = 3;
    public const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SqlStat> _sql = new(StringComparer.Ordinal);

    /// <summary>Diagnostic (--sql-stats): EF Core's "Executed DbCommand (N ms)" events, summed per SQL text.</summary>
    public bool CollectSql { get; set; }

    public sealed class SqlStat
    {
        public long Count;
        public double TotalMs;
        public double MaxMs;
    }

    public IReadOnlyDictionary<string, SqlStat> Sql => _sql;

    public void ResetSql() => _sql.Clear();

    private void AddSql<TState>(TState state)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        string? text = null, elapsed = null;
        foreach (var (k, v) in values)
        {
            if (k == "commandText")
            {
                text = v as string;
            }
            else if (k == "elapsed")
            {
                elapsed = Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (text is null || !double.TryParse(elapsed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms))
        {
            return;
        }

        var stat = _sql.GetOrAdd(text.Trim(), _ => new SqlStat());
        lock (stat)
        {
            stat.Count++;
            stat.TotalMs += ms;
            stat.MaxMs = Math.Max(stat.MaxMs, ms);
        }
    }

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public Dictionary<string, int> Snapshot() => new(_counts, StringComparer.Ordinal);

    /// <summary>What was logged since <paramref name="before"/>, as "N× key" lines.</summary>
    public List<string> Since(Dictionary<string, int> before) =>
        [.. _counts.Select(c => (c.Key, N: c.Value - before.GetValueOrDefault(c.Key))).Where(c => c.N > 0).OrderByDescending(c => c.N).Select(c => $"{c.N}× {c.Key}")];

    private void Add(LogLevel level, string category, EventId id, string message, Exception? e)
    {
        // One key per kind of message: numbers (timings, ids) masked, cut at 120 characters.
        var first = Digits().Replace(message.Split('\n')[0].Trim(), "#");
        if (first.Length > 120)
        {
            first = first[..120] + "…";
        }

        var inner = e?.InnerException ?? e;
        var key = $"{level} {category}[{id.Name ?? id.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"
            + (inner is null ? $": {first}" : $": {inner.GetType().Name}: {Digits().Replace(inner.Message.Split('\n')[0].Trim(), "#")}");
        var n = _counts.AddOrUpdate(key, 1, (_, c) => c + 1);
        if (n <= PrintFirst)
        {
            Console.WriteLine($"  [server {level}] {key}");
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        private readonly bool _sql = category == CommandCategory;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning || (_sql && log.CollectSql && logLevel >= LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                log.Add(logLevel, category, eventId, formatter(state, exception), exception);
            }
            else if (_sql && log.CollectSql && eventId.Name?.EndsWith("CommandExecuted", StringComparison.Ordinal) == true)
            {
                log.AddSql(state);
            }
        }
    }
}
