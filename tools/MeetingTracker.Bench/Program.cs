using System.CommandLine;
using BenchmarkDotNet.Running;
using MeetingTracker.Bench.Http;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Load;
using MeetingTracker.Bench.Parse;
using MeetingTracker.Bench.Pg;
using MeetingTracker.Bench.Remind;
using MeetingTracker.Bench.Search;

// Benchmarks, each side by side with its baseline. Usage:
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- parse [BenchmarkDotNet options]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- ingest [--meetings N] [--work DIR] [--keep] [--reuse] [--runs N]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- search [--meetings N] [--work DIR] [--keep] [--reuse] [--warmup N] [--rounds N]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- http [--meetings N] [--work DIR] [--keep] [--reuse] [--duration S] [--connections N]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- load [--work DIR] [--reuse] [--duration S] [--connections N]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- remind [--meetings N] [--accounts N] [--work DIR] [--keep] [--reuse] [--runs N] [--events]
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- pg [--meetings N] [--work DIR] [--tree DIR] [--runs N] [--duration S] [--connections N] [--rounds N] [--no-http]
// parse reads sample-logs/ (or MEETINGTRACKER_BENCH_CORPUS=DIR); ingest, search, http, load and remind generate their server (measured
// runners, not BenchmarkDotNet: ingest's operation takes half a minute, search's per-query latencies are the figures).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// parse hands its options to BenchmarkDotNet; the measured suites parse theirs with System.CommandLine.
if (args is ["parse", ..])
{
    BenchmarkRunner.Run<ParseBenchmarks>(args: args[1..]);
    return 0;
}

var root = new RootCommand("MeetingTracker benchmarks, each beside its baseline: parse (BenchmarkDotNet options), ingest, search, http, load, remind, pg.")
{
    IngestArgs.Command(IngestSuite.RunAsync),
    SearchArgs.Command(SearchSuite.RunAsync),
    HttpArgs.Command(HttpSuite.RunAsync),
    LoadArgs.Command(LoadSuite.RunAsync),
    RemindArgs.Command(RemindSuite.RunAsync),
    PgArgs.Command(PgSuite.RunAsync),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 || args.Length == 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("usage: MeetingTracker.Bench <parse|ingest|search|http|load|remind|pg> [options]; --help for each");
    return 2;
}

return await parsed.InvokeAsync(new InvocationConfiguration(), cancel.Token);
