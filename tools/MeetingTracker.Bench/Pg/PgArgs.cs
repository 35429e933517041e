using System.CommandLine;

namespace MeetingTracker.Bench.Pg;

/// <summary>
/// <c>pg [--meetings N] [--work DIR] [--tree DIR] [--keep] [--runs N] [--duration S] [--connections N] [--rounds N] [--no-http]</c>:
/// issue 16's figures, SQLite beside PostgreSQL in one run, then one and two web nodes on PostgreSQL behind the deploy
/// site's nginx. <see cref="Tree"/> takes a generated tree of <see cref="Meetings"/> meetings an earlier run kept (an
/// ingest run's <c>tree/</c>), saving its generation.
/// </summary>
public sealed record PgArgs(int Meetings, string? Work, string? Tree, bool Keep, int Runs, int Duration, int Connections, int Rounds, bool NoHttp)
{
    /// <summary>The unchanged re-harvests after each import.</summary>
    public const int Reharvests = 3;

    /// <summary>Untimed and timed rounds over the search suite's query mix, on each engine, each run.</summary>
    public const int SearchWarmup = 2;

    public const int SearchRounds = 5;

    public static Command Command(Func<PgArgs, CancellationToken, Task<int>> run)
    {
        var meetings = BenchOptions.Positive("--meetings", "Meetings in the generated server.", 10_000);
        var work = BenchOptions.Work();
        var tree = new Option<DirectoryInfo?>("--tree") { Description = "A generated Fedora-layout tree of --meetings meetings to import (e.g. a kept ingest run's tree/), instead of generating one." };
        var keep = BenchOptions.Keep();
        var runs = BenchOptions.Positive("--runs", "Imports on each engine, alternating which goes first.", 1);
        var duration = BenchOptions.Positive("--duration", "Seconds of each measured wrk run of the page mix (after a 20 s warm-up through nginx).", 30);
        var connections = BenchOptions.Positive("--connections", "wrk connections.", 32);
        var rounds = BenchOptions.Positive("--rounds", "Measured runs of each layout (one node, two nodes), alternating which goes first.", 2);
        var noHttp = new Option<bool>("--no-http") { Description = "Only the imports, re-harvests and searches." };
        var command = new Command("pg", "SQLite beside PostgreSQL (import, unchanged re-harvest, search), then one and two web nodes on PostgreSQL behind nginx: requests/s and CPU seconds per 1,000 requests of each node, PostgreSQL and nginx.")
        {
            meetings, work, tree, keep, runs, duration, connections, rounds, noHttp,
        };
        command.SetAction((result, token) => run(
            new PgArgs(
                result.GetValue(meetings), result.GetValue(work)?.FullName, result.GetValue(tree)?.FullName, result.GetValue(keep), result.GetValue(runs),
                result.GetValue(duration), result.GetValue(connections), result.GetValue(rounds), result.GetValue(noHttp)),
            token));
        return command;
    }
}
