using System.CommandLine;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// <c>ingest [--meetings N] [--work DIR] [--keep] [--reuse] [--runs N]</c>. <see cref="Runs"/> repeats the long imports;
/// the short re-harvests and the sqlite3 baseline run at least three times. <see cref="Reuse"/> takes the tree and
/// the imported databases an earlier <c>--keep</c> run left in the work folder and times only the re-harvests and the
/// baseline (a run with nothing to reuse generates and imports, as without it).
/// </summary>
public sealed record IngestArgs(int Meetings, string? Work, bool Keep, bool Reuse, int Runs)
{
    public int ShortRuns => Math.Max(Runs, 3);

    public static Command Command(Func<IngestArgs, CancellationToken, Task<int>> run)
    {
        var meetings = BenchOptions.Positive("--meetings", "Meetings in the generated server.", 10_000);
        var work = BenchOptions.Work();
        var keep = BenchOptions.Keep();
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the tree and databases a --keep run left in --work: time only the unchanged re-harvests (and the baseline)." };
        var runs = BenchOptions.Positive("--runs", "Repetitions of the imports.", 1);
        var command = new Command("ingest", "Import a generated server from a folder and over HTTP, beside sqlite3's bulk import.") { meetings, work, keep, reuse, runs };
        command.Validators.Add(result =>
        {
            if (result.GetValue(reuse) && result.GetValue(work) is null) result.AddError("--reuse needs --work");
        });
        command.SetAction((result, token) => run(
            new IngestArgs(result.GetValue(meetings), result.GetValue(work)?.FullName, result.GetValue(keep), result.GetValue(reuse), result.GetValue(runs)), token));
        return command;
    }
}
