using BenchmarkDotNet.Running;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Parse;
using MeetingTracker.Bench.Search;

// Benchmarks, each side by side with its baseline. Usage:
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- parse [BenchmarkDotNet options]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- ingest [--meetings N] [--work DIR] [--keep] [--runs N]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- search [--meetings N] [--work DIR] [--keep] [--reuse] [--rounds N]
// parse reads sample-logs/ (or MEETINGTRACKER_BENCH_CORPUS=DIR); ingest and search generate their server (measured
// runners, not BenchmarkDotNet: ingest's operation takes half a minute, search's per-query latencies are the figures).
var suites = new Dictionary<string, Type>(StringComparer.Ordinal)
{
    ["parse"] = typeof(ParseBenchmarks),
};

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

switch (args.Length > 0 ? args[0] : null)
{
    case "ingest" when IngestArgs.Parse(args[1..]) is { } ingest:
        return await IngestSuite.RunAsync(ingest, cancel.Token);
    case "ingest":
        Console.Error.WriteLine(IngestArgs.Usage);
        return 2;
    case "search" when SearchArgs.Parse(args[1..]) is { } search:
        return await SearchSuite.RunAsync(search, cancel.Token);
    case "search":
        Console.Error.WriteLine(SearchArgs.Usage);
        return 2;
}

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: MeetingTracker.Bench <{string.Join('|', [.. suites.Keys, "ingest", "search"])}> [options]");
    return 2;
}

BenchmarkRunner.Run(suite, args: args[1..]);
return 0;
