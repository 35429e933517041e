using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Harvesting;
using MeetingTracker.Core.Tests.Mail;
using MeetingTracker.Core.Tests.Reminders;
using MeetingTracker.LogGen.Generation;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>
/// Issue 14 for the command line: real <c>meetingtracker reindex</c> and <c>meetingtracker remind</c> processes sent
/// SIGTERM (<c>kill -TERM</c>) in the middle of their work stop within 10 s without a crash, leave nothing
/// half-written, and the next run finishes the work.
/// </summary>
public sealed class SigtermReindexAndRemindTests
{
    private const int Accounts = 1000;
    private const int Messages = Accounts / 10;
    private const string At = "2026-12-07T08:00Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A re-index signalled once it has marked every meeting to be indexed again (the rebuild under way) stops within
    /// 10 s, says nothing of a crash and does not claim to have finished; the next <c>reindex</c> indexes every
    /// meeting and ends with as many documents as a complete one before.
    /// </summary>
    [Fact]
    public async Task A_reindex_sent_SIGTERM_stops_within_10_s_without_a_crash_and_the_next_reindex_is_complete()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 12, Weeks = 80, Seed = 23 });
        await using var host = await HarvestHost.StartAsync(Ct);
        var imported = await RunToEndAsync(CliRunner.Start(null, "import", tree.Root, "--data", host.DataDir, "--name", "test", "--rps", "0"));
        Assert.True(imported.Exit == 0, imported.Stderr);
        var complete = await RunToEndAsync(CliRunner.Start(null, "reindex", "--data", host.DataDir));
        Assert.True(complete.Exit == 0, complete.Stderr);
        var meetings = tree.Summary.Meetings;
        var documents = Documents(complete.Stdout, meetings);

        using var child = CliRunner.Start(null, "reindex", "--data", host.DataDir);
        try
        {
            var output = child.StandardOutput.ReadToEndAsync(Ct);

            // Under way: the verb says so on standard error once the index is open and the rebuild begins.
            var began = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stderrLines = new System.Text.StringBuilder();
            var errors = Task.Run(async () =>
            {
                while (await child.StandardError.ReadLineAsync(Ct) is { } line)
                {
                    stderrLines.AppendLine(line);
                    if (line == MeetingTracker.Cli.Commands.ReindexCommand.Started) began.TrySetResult();
                }

                began.TrySetResult();
                return stderrLines.ToString();
            }, Ct);
            await began.Task.WaitAsync(TimeSpan.FromSeconds(120), Ct);

            if (child.HasExited) Assert.Fail("the re-index ended before it could be stopped: " + await output + await errors);
            var stopping = await TerminateAsync(child);

            var (stdout, stderr) = (await output, await errors);
            Assert.True(stopping < TimeSpan.FromSeconds(10), $"the re-index took {stopping} to stop");
            Assert.True(child.ExitCode != 0, $"a stopped re-index exited 0: {stdout}");
            Assert.DoesNotContain("reindexed", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
        }

        var next = await RunToEndAsync(CliRunner.Start(null, "reindex", "--data", host.DataDir));

        Assert.True(next.Exit == 0, next.Stderr);
        Assert.Equal(documents, Documents(next.Stdout, meetings));
        await using (var db = host.Db())
        {
            Assert.Equal(await ChangeNumbers.LastAsync(db, Ct), SearchIndex.ReadMark(Path.Combine(host.DataDir, SearchSetup.IndexFolder)));
        }
    }

    /// <summary>
    /// A reminder run signalled while composing (some digests committed, most not) stops within 10 s; every digest
    /// row that has something to say has its outbox message and no message is without its row (one transaction
    /// each); the next run queues the rest, sends every message once, and no digest is composed twice.
    /// </summary>
    [Fact]
    public async Task A_reminder_run_sent_SIGTERM_stops_within_10_s_with_every_digest_whole_and_the_next_run_queues_the_rest_once()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var nicks = Enumerable.Range(1, Accounts).Select(i => $"member{i:0000}").ToList();
        var owing = nicks.Where((_, i) => i % 10 == 0).ToList();
        rig.Meeting("infra", ReminderScenario.Week(4), "bob", nicks, [.. owing.Select(n => $"#action {n} to check mirror {n[6..]}")]);
        await rig.HarvestAsync(Ct);
        await rig.AccountsAsync(Ct, [.. nicks.Select(n => ($"{n}@example.org", n))]);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);

        int composed, queued;
        using (var child = StartRemind(rig.DataDir, smtp.Port))
        {
            try
            {
                var output = child.StandardOutput.ReadToEndAsync(Ct);
                var errors = child.StandardError.ReadToEndAsync(Ct);
                var seen = new List<int>();
                var digests = 0;
                while (digests < 50 && !child.HasExited)
                {
                    await Task.Delay(10, Ct);
                    await using var db = rig.Db();
                    digests = await db.Digests.CountAsync(Ct);
                    seen.Add(digests);
                }

                if (child.HasExited) Assert.Fail($"the run ended before it could be stopped (seen: {string.Join(' ', seen)}): " + await errors);
                var stopping = await TerminateAsync(child);

                var (stdout, stderr) = (await output, await errors);
                Assert.True(stopping < TimeSpan.FromSeconds(10), $"the run took {stopping} to stop");
                Assert.True(child.ExitCode != 0, $"a stopped run exited 0: {stdout}");
                Assert.DoesNotContain("Unhandled", stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            }
            finally
            {
                if (!child.HasExited) child.Kill(entireProcessTree: true);
            }
        }

        await using (var db = rig.Db())
        {
            var digests = await db.Digests.AsNoTracking().ToListAsync(Ct);
            var emails = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email!, StringComparer.Ordinal, Ct);
            composed = digests.Count;
            Assert.True(composed is >= 50 and < Accounts, $"{composed} digests after the signal");
            var outbox = await db.Outbox.AsNoTracking().ToListAsync(Ct);
            queued = outbox.Count;

            // Whole: a digest with something to say has its message, one with nothing has none, and each message has its digest.
            var owes = owing.Select(n => $"{n}@example.org").ToHashSet(StringComparer.Ordinal);
            Assert.All(digests, d => Assert.Equal(owes.Contains(emails[d.AccountId]), d.OutboxMessageId is not null));
            Assert.Equal(outbox.Select(m => (long?)m.Id).Order(), digests.Where(d => d.OutboxMessageId is not null).Select(d => d.OutboxMessageId).Order());
            Assert.Equal(
                digests.Where(d => d.OutboxMessageId is not null).Select(d => emails[d.AccountId]).Order(StringComparer.Ordinal),
                outbox.Select(m => m.To).Order(StringComparer.Ordinal));
        }

        using var last = StartRemind(rig.DataDir, smtp.Port);
        var (exit, lastOut, lastErr) = await RunToEndAsync(last);

        Assert.True(exit == 0, lastErr);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"reminders: {Messages - queued} queued, {queued} already sent, {Accounts - Messages} with nothing to say"),
            CliRunner.Lines(lastOut)[^1]);
        await using (var db = rig.Db())
        {
            var digests = await db.Digests.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(Accounts, digests.Count);
            Assert.Equal(Accounts, digests.Select(d => (d.AccountId, d.Kind, d.Period)).Distinct().Count());
            var outbox = await db.Outbox.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(owing.Select(n => $"{n}@example.org"), outbox.Select(m => m.To).Order(StringComparer.Ordinal));
            Assert.All(outbox, m => Assert.Equal(Core.Mail.OutboxStatus.Sent, m.Status));
        }

        var received = smtp.Received.ToList();
        Assert.Equal(Messages, received.Count);
        Assert.Equal(Messages, received.Select(m => m.To.Mailboxes.Single().Address).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Sends SIGTERM with <c>kill</c>; returns how long the process took to exit from then (at most 10 s: then the test fails).</summary>
    internal static async Task<TimeSpan> TerminateAsync(Process child)
    {
        using (var term = Process.Start("kill", ["-TERM", child.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(Ct);
            Assert.Equal(0, term.ExitCode);
        }

        var stopping = Stopwatch.StartNew();
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await child.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"still running {stopping.Elapsed} after SIGTERM");
            }
        }

        return stopping.Elapsed;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunToEndAsync(Process child)
    {
        using (child)
        {
            try
            {
                var output = child.StandardOutput.ReadToEndAsync(Ct);
                var errors = child.StandardError.ReadToEndAsync(Ct);
                await child.WaitForExitAsync(Ct);
                return (child.ExitCode, await output, await errors);
            }
            finally
            {
                if (!child.HasExited) child.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The documents of a complete re-index's line, <c>reindexed N meetings, D documents</c>, checking N.</summary>
    private static int Documents(string stdout, int meetings)
    {
        var line = CliRunner.Lines(stdout)[^1];
        var prefix = string.Create(CultureInfo.InvariantCulture, $"reindexed {meetings} meetings, ");
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        return int.Parse(line[prefix.Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static Process StartRemind(string dataDir, int port)
        => CliRunner.Start(RemindCommandTests.Smtp(port), "remind", "--data", dataDir, "--at", At);
}
