using BenchmarkDotNet.Running;
using MeetingTracker.Bench.Parse;

// Benchmarks, each side by side with its baseline. Usage:
//   dotnet run -c Release --project tools/MeetingTracker.Bench -- parse [BenchmarkDotNet options]
// The input corpus is sample-logs/ (or MEETINGTRACKER_BENCH_CORPUS=DIR).
var suites = new Dictionary<string, Type>(StringComparer.Ordinal)
{
    ["parse"] = typeof(ParseBenchmarks),
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: MeetingTracker.Bench <{string.Join('|', suites.Keys)}> [BenchmarkDotNet options]");
    return 2;
}

BenchmarkRunner.Run(suite, args: args[1..]);
return 0;
