using System.CommandLine;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// <c>search [--meetings N] [--work DIR] [--keep] [--reuse] [--warmup N] [--rounds N] [--grep-rounds N]</c>. <see cref="Reuse"/>
/// keeps a work folder's generated tree and imported database from an earlier <c>--keep</c> run (saves the import;
/// the index is rebuilt).
/// </summary>
public sealed record SearchArgs(int Meetings, string? Work, bool Keep, bool Reuse, int Warmup, int Rounds, int GrepRounds)
{
    public static Command Command(Func<SearchArgs, CancellationToken, Task<int>> run)
    {
        var meetings = BenchOptions.Positive("--meetings", "Meetings in the generated server.", 10_000);
        var work = BenchOptions.Work();
        var keep = BenchOptions.Keep();
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the tree and database a --keep run left in --work (the index is rebuilt)." };
        var warmup = BenchOptions.Positive("--warmup", "Untimed rounds over the query mix first (JIT tiers, caches: a running server's steady state).", 3);
        var rounds = BenchOptions.Positive("--rounds", "Timed rounds over the query mix.", 20);
        var grepRounds = BenchOptions.Positive("--grep-rounds", "Rounds of the grep baseline.", 3);
        var command = new Command("search", "Time the query mix on the search service, beside SQLite FTS5 and grep -r.") { meetings, work, keep, reuse, warmup, rounds, grepRounds };
        command.Validators.Add(result =>
        {
            if (result.GetValue(reuse) && result.GetValue(work) is null) result.AddError("--reuse needs --work");
        });
        command.SetAction((result, token) => run(
            new SearchArgs(
                result.GetValue(meetings), result.GetValue(work)?.FullName, result.GetValue(keep), result.GetValue(reuse),
                result.GetValue(warmup), result.GetValue(rounds), result.GetValue(grepRounds)),
            token));
        return command;
    }
}
