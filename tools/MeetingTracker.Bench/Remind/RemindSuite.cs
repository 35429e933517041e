using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Http;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Remind;

/// <summary>
/// The <c>remind</c> suite (issue 13): the personal digests of N confirmed accounts (10,000 by default), each with a
/// verified person of the 10,000-meeting corpus who owns open actions, at a Monday 08:00 UTC after the last meeting (so
/// every default weekly digest is due). Measured in one process, runs interleaved: the baseline, reading the same
/// accounts' actions once (<see cref="ReminderData.LoadAsync"/>: accounts, their people, the open actions they own,
/// their teams, their last digests, in a few set-based queries); the target, composing every digest
/// (<see cref="ReminderRun.ComposeAsync"/>) and rendering each one that has something to say (text and HTML, every
/// answer and unsubscribe link signed); and, as an extra figure, a full <see cref="ReminderRun.RunAsync"/> queueing them
/// in the outbox, one transaction per digest, with the bench accounts' digests and messages removed between runs.
/// </summary>
public static class RemindSuite
{
    public const double TargetSeconds = 30;

    public static readonly Uri SiteRoot = new("https://meetings.example.org/");

    public static async Task<int> RunAsync(RemindArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var c = CultureInfo.InvariantCulture;
        var work = args.Work ?? Path.Combine(Path.GetTempPath(), string.Create(c, $"meetingtracker-bench-remind-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        var environment = BenchEnvironment.Capture();
        Console.WriteLine(string.Create(c, $"remind: {args.Meetings} meetings, {args.Accounts} accounts in {work}; {environment.Cores} cores (shared with other work); {environment.Load}"));
        try
        {
            var (corpus, rig) = await RemindCorpus.PrepareAsync(work, args.Meetings, args.Reuse, cancellationToken);
            await using (rig)
            {
                var dbs = rig.Get<IDbContextFactory<TrackerDb>>();
                var at = BenchAccounts.MeasuredMoment(corpus.LastMeeting);
                if (args.Events)
                {
                    // Issue 12's load, dated in the year before the measured moment (as years of use would leave it before
                    // a Monday's digests), said by one account that claims nobody (so reminded of nothing itself).
                    var started = Stopwatch.GetTimestamp();
                    var clock = new FixedClock(at);
                    var accountId = await SignedInUser.CreateAsync(dbs, clock, cancellationToken);
                    await EventSeed.SeedAsync(dbs, accountId, clock, cancellationToken);
                    Console.WriteLine(string.Create(c, $"events: {EventSeed.Events:N0} wanted ({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s to write the missing ones)"));
                }

                corpus = await corpus.WithEventsAsync(dbs, cancellationToken);
                await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
                {
                    corpus = corpus with { DatabaseBytes = await RemindCorpus.UsedBytesAsync(db, cancellationToken) };
                }

                var accountability = rig.Get<AccountabilityService>();
                var ledger = rig.Get<EventLedger>();
                var run = rig.Get<ReminderRun>();
                var tokens = rig.Get<ReminderTokens>();

                // The chains are built once per harvest and kept in memory by the service (as in the host): untimed, shown.
                var watch = Stopwatch.StartNew();
                var snapshot = await accountability.SnapshotAsync(cancellationToken);
                var view = await ledger.ReadAsync(cancellationToken);
                Console.WriteLine(string.Create(c, $"chains and ledger, built once (untimed, kept in memory like the host's): {watch.Elapsed.TotalSeconds:F1} s"));
                corpus = corpus with { Chains = snapshot.Actions.Count };
                Console.WriteLine(corpus.Describe());

                var setup = await SetUpAccountsAsync(dbs, accountability, snapshot, view, at, args.Accounts, cancellationToken);
                Console.WriteLine(setup.Describe(at));
                try
                {
                    return await MeasureAsync(args, corpus, setup, environment, dbs, accountability, ledger, run, tokens, at, cancellationToken);
                }
                finally
                {
                    await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
                    await BenchAccounts.DeleteAsync(db, CancellationToken.None);
                }
            }
        }
        finally
        {
            if (!args.Keep && !args.Reuse) Clean(work, ownsFolder: args.Work is null);
        }
    }

    private static async Task<int> MeasureAsync(
        RemindArgs args, RemindCorpus corpus, AccountSetup setup, BenchEnvironment environment, IDbContextFactory<TrackerDb> dbs,
        AccountabilityService accountability, EventLedger ledger, ReminderRun run, ReminderTokens tokens, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var read = new TimedStep("baseline: read the accounts' actions once (ReminderData.LoadAsync)");
        var compose = new TimedStep("compose and render every digest", TargetSeconds);
        var composeOnly = new Measurement("  of which ReminderRun.ComposeAsync");
        var renderOnly = new Measurement("  of which DigestRenderer.Render");
        var queue = new TimedStep("extra: ReminderRun.RunAsync, queued in the outbox");
        var signing = new TimedStep("for scale: sign as many links alone");

        async Task<int> ReadOnceAsync()
        {
            var snapshot = await accountability.SnapshotAsync(cancellationToken);
            var view = await ledger.ReadAsync(cancellationToken);
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            var data = await ReminderData.LoadAsync(db, snapshot, view, at, accountability.DueDays, accountability.FollowUpDays, null, cancellationToken);
            return data.Accounts.Count;
        }

        // countLinks (the untimed run only): the signed links the mail carries, counted in it (each answer and the footer's
        // unsubscribe link appear once in the text; the List-Unsubscribe header's link is counted when it is another).
        async Task<(IReadOnlyList<DigestContent> Digests, int Rendered, long Chars, long Links)> ComposeAndRenderAsync(Measurement? composeTimes, Measurement? renderTimes, bool countLinks = false)
        {
            var start = Stopwatch.GetTimestamp();
            var digests = await run.ComposeAsync(at, null, cancellationToken);
            var composed = Stopwatch.GetElapsedTime(start);
            var links = new ReminderLinks(SiteRoot, tokens, at);
            long chars = 0, signed = 0;
            var rendered = 0;
            foreach (var digest in digests)
            {
                if (digest.IsEmpty) continue;
                var mail = DigestRenderer.Render(digest, links);
                chars += mail.Subject.Length + mail.Text.Length + mail.Html.Length;
                rendered++;
                if (countLinks)
                {
                    signed += CountOf(mail.Text, "?t=") + (mail.Text.Contains(mail.UnsubscribeUrl, StringComparison.Ordinal) ? 0 : 1);
                }
            }

            var total = Stopwatch.GetElapsedTime(start);
            composeTimes?.Add(composed);
            renderTimes?.Add(total - composed);
            return (digests, rendered, chars, signed);
        }

        // One untimed run of each first: JIT tiers, EF Core's compiled queries, the connection pool.
        var warm = Stopwatch.StartNew();
        var accountsRead = await ReadOnceAsync();
        var (warmDigests, warmRendered, warmChars, warmLinks) = await ComposeAndRenderAsync(null, null, countLinks: true);
        var shape = Composed.Of(warmDigests, warmRendered, warmChars, warmLinks);
        warmDigests = null;
        Console.WriteLine(string.Create(c, $"warm-up (untimed): {warm.Elapsed.TotalSeconds:F1} s; {accountsRead:N0} accounts read; {shape.Describe()}"));
        // What the database's share is, and which query is slowest: one more read and composition, untimed, with EF
        // Core's command events recorded.
        using (var sql = new SqlTimings { Recording = true })
        {
            // EF Core checks whether anyone listens at most every second (CoreOptionsExtension.LoggingCacheTime).
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            var traced = Stopwatch.StartNew();
            await ReadOnceAsync();
            var readElapsed = traced.Elapsed;
            Console.WriteLine(string.Create(c, $"read once, traced (untimed): {readElapsed.TotalSeconds:F2} s; {sql.Describe()}"));
            traced.Restart();
            await run.ComposeAsync(at, null, cancellationToken);
            Console.WriteLine(string.Create(c, $"ComposeAsync once, traced (untimed): {traced.Elapsed.TotalSeconds:F2} s; {sql.Describe()}"));
        }

        var surprises = new List<string>();
        if (accountsRead != args.Accounts) surprises.Add($"{accountsRead} accounts read, {args.Accounts} made");
        if (shape.Digests != args.Accounts) surprises.Add($"{shape.Digests} digests due, expected one per account ({args.Accounts})");

        for (var n = 1; n <= args.Runs; n++)
        {
            await read.RunAsync(ReadOnceAsync);
            await compose.RunAsync(() => ComposeAndRenderAsync(composeOnly, renderOnly));
        }

        // For scale: signing as many links alone (one signature per action for its four answers, as the renderer does;
        // the unsubscribe links counted as actions' answers too), once.
        await signing.RunAsync(() =>
        {
            var links = shape.Tokens;
            for (long n = 0; n < links; n += ReminderTokens.Answers.Count)
            {
                tokens.AnswersFor(setup.FirstAccountId, (int)(n / ReminderTokens.Answers.Count), ReminderTokens.NewNonce(), at);
            }

            return Task.FromResult(links);
        });
        signing.Times.Notes = string.Create(c, $"{shape.Tokens:N0} links, {(shape.Tokens + ReminderTokens.Answers.Count - 1) / ReminderTokens.Answers.Count:N0} ReminderTokens.AnswersFor calls (one Data Protection Protect each: key derivation, AES-256-CBC, HMACSHA256)");

        ReminderReport? last = null;
        for (var n = 1; n <= args.Runs; n++)
        {
            await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
            {
                await BenchAccounts.ResetDigestsAsync(db, cancellationToken);
            }

            last = await queue.RunAsync(() => run.RunAsync(new ReminderRequest(at, SiteRoot), cancellationToken));
        }

        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            var messages = await db.Outbox.CountAsync(m => m.To.EndsWith("@" + BenchAccounts.Domain), cancellationToken);
            queue.Times.Notes = string.Create(c, $"{last!.Line}; {messages:N0} outbox messages");
            if (last.Queued != shape.NonEmpty || last.NothingToSay != shape.Digests - shape.NonEmpty || messages != shape.NonEmpty)
            {
                surprises.Add($"run: {last.Line}, {messages} messages; expected {shape.NonEmpty} queued, {shape.Digests - shape.NonEmpty} with nothing to say");
            }

            await BenchAccounts.ResetDigestsAsync(db, cancellationToken);
        }

        read.Times.Notes = string.Create(c, $"{accountsRead:N0} accounts, {setup.People:N0} people, {setup.OpenChains:N0} open chains ({setup.OwnedChains:N0} owned by the accounts' people)");
        compose.Times.Notes = shape.Describe();
        var report = new RemindReport(corpus, setup, read, compose, composeOnly, renderOnly, signing, queue, at);
        report.Print(environment with { LoadAfter = BenchEnvironment.LoadAverage() }, args.Runs);
        foreach (var surprise in surprises) Console.WriteLine("CHECK: " + surprise);
        return report.Met && surprises.Count == 0 ? 0 : 1;
    }

    private static async Task<AccountSetup> SetUpAccountsAsync(
        IDbContextFactory<TrackerDb> dbs, AccountabilityService accountability, AccountabilitySnapshot snapshot, LedgerView view, DateTimeOffset at, int count,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var removed = await BenchAccounts.DeleteAsync(db, cancellationToken);

        // Who owns what at the moment: the reminders' own rule, read with no account (the owners are loaded for every open chain).
        var everyone = await ReminderData.LoadAsync(db, snapshot, view, at, accountability.DueDays, accountability.FollowUpDays, "nobody@" + BenchAccounts.Domain, cancellationToken);
        var candidates = await BenchAccounts.CandidatesAsync(db, everyone, cancellationToken);
        var firstAccount = await BenchAccounts.CreateAsync(db, candidates, count, at - BenchAccounts.Age, cancellationToken);
        var claimed = candidates.Take(count).ToList();
        var owned = claimed.SelectMany(p => everyone.OwnedByPerson[p.PersonId]).Distinct().Count();
        return new AccountSetup(
            firstAccount, count, removed, watch.Elapsed, claimed.Count, candidates.Count(p => p.OpenActions > 0), everyone.Open.Count, owned,
            claimed.Count == 0 ? 0 : claimed.Max(p => p.OpenActions), claimed.Count == 0 ? 0 : claimed.Min(p => p.OpenActions));
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static void Clean(string work, bool ownsFolder)
    {
        if (ownsFolder)
        {
            Directory.Delete(work, recursive: true);
            return;
        }

        foreach (var name in new[] { "tree", "data" })
        {
            var dir = Path.Combine(work, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>A clock that stands at one moment (the events' "now").</summary>
internal sealed class FixedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}

/// <summary>The accounts made for a run and the people they claim.</summary>
public sealed record AccountSetup(string FirstAccountId, int Accounts, int Removed, TimeSpan Elapsed, int People, int Owners, int OpenChains, int OwnedChains, int MostOwned, int FewestOwned)
{
    public string Describe(DateTimeOffset at) => string.Create(
        CultureInfo.InvariantCulture,
        $"measured moment: {at:yyyy-MM-dd HH:mm} UTC ({at:dddd}); {OpenChains:N0} open chains, {Owners:N0} people own some; {Accounts:N0} accounts made in {Elapsed.TotalSeconds:F1} s ({Removed:N0} of an earlier run removed), claiming {People:N0} distinct people ({FewestOwned}–{MostOwned} open actions each{(Accounts > People ? ", each person claimed by several accounts" : string.Empty)}), who own {OwnedChains:N0} open chains");
}

/// <summary>What one composition gave: digests due, those with something to say, what they list and sign, the characters rendered.</summary>
/// <param name="Tokens">Signed links in the rendered mail: four answers under each action the recipient owns, the unsubscribe links.</param>
public sealed record Composed(int Digests, int NonEmpty, int Rendered, long Items, long Answerable, long Chars, long Tokens)
{
    public static Composed Of(IReadOnlyList<DigestContent> digests, int rendered, long chars, long tokens)
    {
        var nonEmpty = digests.Where(d => !d.IsEmpty).ToList();
        return new Composed(
            digests.Count, nonEmpty.Count, rendered, nonEmpty.Sum(d => (long)d.Items),
            nonEmpty.Sum(d => (long)d.Sections.Sum(s => s.Actions.Count(a => a.Answerable))), chars, tokens);
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Digests:N0} digests due, {NonEmpty:N0} with something to say ({Items:N0} items listed, {Tokens:N0} signed links, {Chars / 1_048_576.0:F0} M characters of text and HTML)");
}
