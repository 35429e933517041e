using System.CommandLine;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// <c>http [--meetings N] [--work DIR] [--keep] [--reuse] [--duration S] [--connections N]</c>: the search suite's
/// corpus (same work folder layout, so <c>--reuse</c> takes a kept one), served by the web host and by nginx.
/// </summary>
public sealed record HttpArgs(int Meetings, string? Work, bool Keep, bool Reuse, int Duration, int Connections)
{
    public static Command Command(Func<HttpArgs, CancellationToken, Task<int>> run)
    {
        var meetings = BenchOptions.Positive("--meetings", "Meetings in the generated server.", 10_000);
        var work = BenchOptions.Work();
        var keep = BenchOptions.Keep();
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the tree and database a --keep run (of http or search) left in --work." };
        var duration = BenchOptions.Positive("--duration", "Seconds of each measured wrk run (after a 10 s warm-up run).", 15);
        var connections = BenchOptions.Positive("--connections", "wrk connections.", 32);
        var command = new Command("http", "Load the team, person, meeting, search, action, help, topics, project and agenda pages with wrk, beside nginx serving the meeting's .log.html.") { meetings, work, keep, reuse, duration, connections };
        command.Validators.Add(result =>
        {
            if (result.GetValue(reuse) && result.GetValue(work) is null) result.AddError("--reuse needs --work");
        });
        command.SetAction((result, token) => run(
            new HttpArgs(
                result.GetValue(meetings), result.GetValue(work)?.FullName, result.GetValue(keep), result.GetValue(reuse),
                result.GetValue(duration), result.GetValue(connections)),
            token));
        return command;
    }
}
