using BenchmarkDotNet.Running;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Parse;

// Benchmarks, each side by side with its baseline. Usage:
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- parse [BenchmarkDotNet options]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- ingest [--meetings N] [--work DIR] [--keep] [--runs N]
// parse reads sample-logs/ (or MEETINGTRACKER_BENCH_CORPUS=DIR); ingest generates its server (a measured runner,
// not BenchmarkDotNet: its main operation takes about a minute).
var suites = new Dictionary<string, Type>(StringComparer.Ordinal)
{
    ["parse"] = typeof(ParseBenchmarks),
};

if (args.Length > 0 && args[0] == "ingest")
{
    if (IngestArgs.Parse(args[1..]) is not { } ingest)
    {
        Console.Error.WriteLine(IngestArgs.Usage);
        return 2;
    }

    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return await IngestSuite.RunAsync(ingest, cancel.Token);
}

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: MeetingTracker.Bench <{string.Join('|', [.. suites.Keys, "ingest"])}> [options]");
    return 2;
}

BenchmarkRunner.Run(suite, args: args[1..]);
return 0;
