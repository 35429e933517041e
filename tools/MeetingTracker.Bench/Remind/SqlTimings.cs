using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingTracker.Bench.Remind;

/// <summary>
/// The SQL commands EF Core runs while <see cref="Recording"/> is on, with their durations (EF Core's own
/// <c>CommandExecuted</c> diagnostic events, reader opened to reader closed: rows read included), to tell how much of a
/// read is the database's and which query is the slowest. Only for an untimed run: listening costs a little.
/// </summary>
public sealed class SqlTimings : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<(string Sql, TimeSpan Duration)> commands = new();
    private readonly List<IDisposable> subscriptions = [];

    public SqlTimings() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public bool Recording { get; set; }

    public IReadOnlyList<(string Sql, TimeSpan Duration)> Take()
    {
        var taken = new List<(string, TimeSpan)>();
        while (commands.TryDequeue(out var command)) taken.Add(command);
        return taken;
    }

    /// <summary>"N commands, X s; slowest: …" for what was recorded since the last call.</summary>
    public string Describe(int slowest = 3)
    {
        var taken = Take();
        var total = taken.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration);
        var top = taken.OrderByDescending(c => c.Duration).Take(slowest)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Duration.TotalMilliseconds:F0} ms `{Shorten(c.Sql)}`"));
        return string.Create(CultureInfo.InvariantCulture, $"{taken.Count} SQL commands, {total.TotalSeconds:F2} s in all; slowest: {string.Join("; ", top)}");
    }

    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name) subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // CommandExecuted comes when the reader is opened; the rows are read until DataReaderDisposing.
        if (!Recording) return;
        if (value.Value is DataReaderDisposingEventData closing)
        {
            commands.Enqueue((closing.Command.CommandText, closing.Duration));
        }
        else if (value.Value is CommandExecutedEventData { Result: not Microsoft.EntityFrameworkCore.Storage.RelationalDataReader } executed)
        {
            commands.Enqueue((executed.Command.CommandText, executed.Duration));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var subscription in subscriptions) subscription.Dispose();
    }

    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 110 ? flat : flat[..110] + "…";
    }
}
