using System.CommandLine;

namespace MeetingTracker.Bench.Load;

/// <summary>
/// <c>load [--work DIR] [--reuse] [--duration S] [--connections N]</c>: the http suite's 10,000-meeting corpus (same
/// work folder layout, so <c>--reuse</c> takes a kept one) served under a mixed load, without and then during a harvest.
/// </summary>
public sealed record LoadArgs(string? Work, bool Reuse, int Duration, int Connections)
{
    /// <summary>Meetings of the served corpus (the http suite's).</summary>
    public const int CorpusMeetings = 10_000;

    public static Command Command(Func<LoadArgs, CancellationToken, Task<int>> run)
    {
        var work = BenchOptions.Work();
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the tree and database a --keep run of http or search left in --work (copied before the host changes it)." };
        var duration = BenchOptions.Positive("--duration", "Seconds of each measured wrk run (without, then with a harvest).", 90);
        var connections = BenchOptions.Positive("--connections", "wrk connections.", 100);
        var command = new Command("load", "The page mix under wrk, then the same while the host harvests a new 2,000-meeting source; memory sampled throughout.") { work, reuse, duration, connections };
        command.Validators.Add(result =>
        {
            if (result.GetValue(reuse) && result.GetValue(work) is null) result.AddError("--reuse needs --work");
        });
        command.SetAction((result, token) => run(
            new LoadArgs(result.GetValue(work)?.FullName, result.GetValue(reuse), result.GetValue(duration), result.GetValue(connections)),
            token));
        return command;
    }
}
