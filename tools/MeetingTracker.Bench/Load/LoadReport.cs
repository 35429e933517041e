using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Search;
using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Bench.Load;

/// <summary>The two runs, the harvest's place in the second, memory and the targets: the table pasted into docs/benchmarks.md.</summary>
public sealed record LoadReport(
    IReadOnlyList<string> Paths,
    MixResult Without,
    MixResult With,
    HarvestRun Harvest,
    int NewMeetings,
    double RssStartMiB,
    double RssWithoutMiB,
    double RssWithMiB,
    double RssMaxMiB,
    string LoadBefore,
    string LoadBetween,
    string LoadAfter,
    LoadArgs Args)
{
    public double Share => Without.Wrk.RequestsPerSecond > 0 ? With.Wrk.RequestsPerSecond / Without.Wrk.RequestsPerSecond : 0;

    /// <summary>The seconds of the second run during which the harvest ran.</summary>
    public double OverlapSeconds
    {
        get
        {
            var end = Harvest.EndedAt ?? With.Ended;
            var from = Harvest.StartedAt > With.Started ? Harvest.StartedAt : With.Started;
            var to = end < With.Ended ? end : With.Ended;
            return Math.Max(0, (to - from).TotalSeconds);
        }
    }

    public static bool Clean(MixResult r) => r.Errors == 0 && r.Timeouts == 0;

    public bool Met => Clean(Without) && Clean(With) && With.Wrk.P99Ms <= LoadSuite.TargetP99Ms && Share >= LoadSuite.TargetShare
        && RssMaxMiB <= LoadSuite.TargetRssMiB && OverlapSeconds > 0;

    public void Print(SearchCorpus corpus, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(environment);
        var c = CultureInfo.InvariantCulture;
        var window = (With.Ended - With.Started).TotalSeconds;
        Console.WriteLine();
        Console.WriteLine(corpus.Describe());
        Console.WriteLine(string.Create(c, $"wrk -t1 -c{Args.Connections} -d{Args.Duration}s --timeout {MixRun.TimeoutSeconds}s --latency -s mix.lua ({Paths.Count} paths; after a {LoadSuite.WarmupSeconds} s warm-up run of the mix)"));
        Console.WriteLine(string.Create(
            c,
            $"harvest of {LoadHost.NewSourceName}: {Harvest.StartedAt:HH:mm:ss}–{Harvest.EndedAt:HH:mm:ss} UTC ({((Harvest.EndedAt ?? Harvest.StartedAt) - Harvest.StartedAt).TotalSeconds:F0} s, {Harvest.MeetingsNew:N0} of {NewMeetings:N0} meetings new); measured run {With.Started:HH:mm:ss}–{With.Ended:HH:mm:ss}: the harvest ran {OverlapSeconds:F0} s of its {window:F0} s ({OverlapSeconds / window:P0}), starting {(Harvest.StartedAt - With.Started).TotalSeconds:F0} s in{(Harvest.EndedAt > With.Ended ? string.Create(c, $", ending {(Harvest.EndedAt.Value - With.Ended).TotalSeconds:F0} s after it") : string.Empty)}"));
        Console.WriteLine();
        Console.WriteLine("| run | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | requests | errors | time-outs | RSS max (MiB) | load average at its start |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(Row("without a harvest", Without, RssWithoutMiB, LoadBefore));
        Console.WriteLine(Row("during the harvest", With, RssWithMiB, LoadBetween));
        Console.WriteLine();
        Console.WriteLine(string.Create(
            c,
            $"RSS: {RssStartMiB:F0} MiB at most from the start to the warm-up, {RssMaxMiB:F0} MiB at most throughout (target ≤ {LoadSuite.TargetRssMiB:F0}: {(RssMaxMiB <= LoadSuite.TargetRssMiB ? "met" : "**missed**")}); during the harvest {Share:P0} of the throughput without (target ≥ {LoadSuite.TargetShare:P0}: {(Share >= LoadSuite.TargetShare ? "met" : "**missed**")}), p99 {With.Wrk.P99Ms:F0} ms (target ≤ {LoadSuite.TargetP99Ms:F0}: {(With.Wrk.P99Ms <= LoadSuite.TargetP99Ms ? "met" : "**missed**")}); errors and time-outs: {(Clean(Without) && Clean(With) ? "none" : "**some**")}"));
        Console.WriteLine($"{environment.Cpu}, {environment.Cores} cores, {environment.Runtime}, {environment.Os}; {environment.Date:yyyy-MM-dd HH:mm} UTC; {LoadAfter} at the end of the second run");
    }

    private static string Row(string name, MixResult r, double rss, string load) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {r.Wrk.RequestsPerSecond:N0} | {r.Wrk.P50Ms:F1} | {r.Wrk.P90Ms:F1} | {r.Wrk.P99Ms:F1} | {r.MaxMs:F0} | {r.Wrk.Requests:N0} | {r.Errors} | {r.Timeouts} | {rss:F0} | {load} |");
}
