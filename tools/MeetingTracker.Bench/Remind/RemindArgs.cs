using System.CommandLine;

namespace MeetingTracker.Bench.Remind;

/// <summary>
/// <c>remind [--meetings N] [--accounts N] [--work DIR] [--keep] [--reuse] [--runs N] [--events]</c>: the search
/// suite's corpus (same work folder layout, so <c>--reuse</c> takes a kept one of search, http or remind), with
/// <see cref="Accounts"/> confirmed accounts whose weekly digest is due.
/// </summary>
public sealed record RemindArgs(int Meetings, int Accounts, string? Work, bool Keep, bool Reuse, int Runs, bool Events)
{
    public static Command Command(Func<RemindArgs, CancellationToken, Task<int>> run)
    {
        var meetings = BenchOptions.Positive("--meetings", "Meetings in the generated server.", 10_000);
        var accounts = BenchOptions.Positive("--accounts", "Confirmed accounts, each with a verified person of the corpus.", 10_000);
        var work = BenchOptions.Work();
        var keep = BenchOptions.Keep();
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the tree and database a --keep run (of remind, search or http) left in --work (the bench accounts are made again)." };
        var runs = BenchOptions.Positive("--runs", "Timed runs of each step (after one untimed run of the read and of the composition).", 3);
        var events = new Option<bool>("--events") { Description = "Store the http suite's 100,000 events (issue 12's load) on the corpus first (kept in the database)." };
        var command = new Command("remind", "Compose (and render) the digests of N accounts, beside reading their accounts, people and open actions once.")
        {
            meetings, accounts, work, keep, reuse, runs, events,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(reuse) && result.GetValue(work) is null) result.AddError("--reuse needs --work");
        });
        command.SetAction((result, token) => run(
            new RemindArgs(
                result.GetValue(meetings), result.GetValue(accounts), result.GetValue(work)?.FullName, result.GetValue(keep), result.GetValue(reuse),
                result.GetValue(runs), result.GetValue(events)),
            token));
        return command;
    }
}
