using System.CommandLine;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// <c>ingest [--meetings N] [--work DIR] [--keep] [--runs N]</c>. <see cref="Runs"/> repeats the long imports;
/// the short re-harvests and the sqlite3 baseline run at least three times.
/// </summary>
public sealed record IngestArgs(int Meetings, string? Work, bool Keep, int Runs)
{
    public int ShortRuns => Math.Max(Runs, 3);

    public static Command Command(Func<IngestArgs, CancellationToken, Task<int>> run)
    {
        var meetings = BenchOptions.Positive("--meetings", "Meetings in the generated server.", 10_000);
        var work = BenchOptions.Work();
        var keep = BenchOptions.Keep();
        var runs = BenchOptions.Positive("--runs", "Repetitions of the imports.", 1);
        var command = new Command("ingest", "Import a generated server from a folder and over HTTP, beside sqlite3's bulk import.") { meetings, work, keep, runs };
        command.SetAction((result, token) => run(
            new IngestArgs(result.GetValue(meetings), result.GetValue(work)?.FullName, result.GetValue(keep), result.GetValue(runs)), token));
        return command;
    }
}
