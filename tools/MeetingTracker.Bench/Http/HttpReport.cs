using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Search;

namespace MeetingTracker.Bench.Http;

/// <summary>The Markdown table pasted into docs/benchmarks.md, with where and how it was measured.</summary>
public static class HttpReport
{
    public static void Print(IReadOnlyList<HttpRow> rows, HttpArgs args, SearchCorpus corpus, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(environment);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(corpus.Describe());
        Console.WriteLine(string.Create(c, $"wrk -t1 -c{args.Connections} -d{args.Duration}s --latency (after a {HttpSuite.WarmupSeconds} s warm-up run), one URL at a time"));
        Console.WriteLine();
        Console.WriteLine("| what | path | bytes | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | requests | errors | target | met |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var r = row.Result;
            var target = row.Target?.ToString() ?? "baseline";
            var met = row.Target is null ? string.Empty : row.Met ? "yes" : "**no**";
            Console.WriteLine(string.Create(c, $"| {row.Name} | `{row.Path}` | {row.Bytes:N0} | {r.RequestsPerSecond:N0} | {r.P50Ms:F2} | {r.P90Ms:F2} | {r.P99Ms:F2} | {r.Requests:N0} | {r.Errors} | {target} | {met} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"{environment.Cpu}, {environment.Cores} cores, {environment.Runtime}, {environment.Os}; {environment.Date:yyyy-MM-dd HH:mm} UTC; {environment.Load} at the start, {environment.LoadAfter} at the end");
    }
}
