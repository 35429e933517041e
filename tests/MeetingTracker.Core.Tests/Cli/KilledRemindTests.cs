using System.Diagnostics;
using MeetingTracker.Cli;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Tests.Mail;
using MeetingTracker.Core.Tests.Reminders;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>
/// Real <c>meetingtracker remind</c> processes killed while composing and while delivering, then a run to the end, all
/// over one database and one SMTP server: every digest is queued once, no message arrives twice, and each arrives
/// unless the kill caught it being handed over, which the outbox then marks of unknown fate (at most once at the
/// SMTP handover: it may have arrived or not, and is never sent again).
/// </summary>
public sealed class KilledRemindTests
{
    // Every tenth account owes an action and gets a message; the others have nothing to say, which takes composing
    // (a row each) but no mail: a long window to kill the composing in, few messages to wait for.
    private const int Accounts = 1000;
    private const int Messages = Accounts / 10;
    private const string At = "2026-12-07T08:00Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_killed_while_composing_and_while_delivering_leave_every_digest_queued_once_and_received_at_most_once()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var nicks = Enumerable.Range(1, Accounts).Select(i => $"member{i:0000}").ToList();
        var owing = nicks.Where((_, i) => i % 10 == 0).ToList();
        rig.Meeting("infra", ReminderScenario.Week(4), "bob", nicks, [.. owing.Select(n => $"#action {n} to check mirror {n[6..]}")]);
        await rig.HarvestAsync(Ct);
        await rig.AccountsAsync(Ct, [.. nicks.Select(n => ($"{n}@example.org", n))]);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);

        // Killed while composing: some digests are committed, with their messages; none is sent yet.
        var composed = await KillWhenAsync(rig, smtp.Port, async db => await db.Digests.CountAsync(Ct), atLeast: 50);
        await using (var db = rig.Db())
        {
            var digests = await db.Digests.CountAsync(Ct);
            Assert.True(digests is >= 50 and < Accounts, $"{digests} digests after the kill; seen while polling: {composed}");
            var queued = await db.Outbox.CountAsync(Ct);
            Assert.True(queued > 0 && queued == await db.Digests.CountAsync(d => d.OutboxMessageId != null, Ct), $"{queued} messages queued");
            Assert.Equal(0, await db.Outbox.CountAsync(m => m.Status != OutboxStatus.Pending, Ct));
        }

        // Killed while delivering: every digest composed (the rest by this run), some sent.
        int sending;
        var delivered = await KillWhenAsync(rig, smtp.Port, async db => await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent, Ct), atLeast: 5);
        await using (var db = rig.Db())
        {
            Assert.Equal(Accounts, await db.Digests.CountAsync(Ct));
            var sent = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent, Ct);
            Assert.True(sent is > 0 and < Messages, $"{sent} sent after the kill; seen while polling: {delivered}");
            sending = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sending, Ct);
            Assert.True(sending <= 1, $"{sending} messages left being sent");
        }

        // A message left Sending is taken for lost once the sending time-out (a second here) has passed since it was claimed.
        if (sending > 0) await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        using var last = Start(rig.DataDir, smtp.Port);
        var stdout = await last.StandardOutput.ReadToEndAsync(Ct);
        var stderr = await last.StandardError.ReadToEndAsync(Ct);
        await last.WaitForExitAsync(Ct);

        Assert.True(last.ExitCode == 0, stderr);
        Assert.Equal($"reminders: 0 queued, {Messages} already sent, {Accounts - Messages} with nothing to say", CliRunner.Lines(stdout)[^1]);
        await using (var db = rig.Db())
        {
            var digests = await db.Digests.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(Accounts, digests.Count);
            Assert.Equal(Accounts, digests.Select(d => (d.AccountId, d.Kind, d.Period)).Distinct().Count());
            var outbox = await db.Outbox.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(owing.Select(n => $"{n}@example.org"), outbox.Select(m => m.To).Order(StringComparer.Ordinal));
            Assert.Equal(outbox.Select(m => (long?)m.Id).Order(), digests.Where(d => d.OutboxMessageId is not null).Select(d => d.OutboxMessageId).Order());
            Assert.All(outbox, m => Assert.Contains(m.Status, new[] { OutboxStatus.Sent, OutboxStatus.Unknown }));
            var unknown = outbox.Where(m => m.Status == OutboxStatus.Unknown).ToList();
            Assert.True(unknown.Count <= 1, $"{unknown.Count} messages of unknown fate");

            // Messages are told apart by their Message-Id, stable per outbox row.
            var received = smtp.Received.ToList();
            Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
            var byAddress = received.GroupBy(m => m.To.Mailboxes.Single().Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var message in outbox)
            {
                var count = byAddress.GetValueOrDefault(message.To);
                if (message.Status == OutboxStatus.Sent)
                {
                    Assert.True(count == 1, $"{message.To}: sent, received {count} times");
                }
                else
                {
                    // Caught at the handover: the server may have taken it before the kill, or not; never twice.
                    Assert.True(count <= 1, $"{message.To}: of unknown fate, received {count} times");
                }
            }

            Assert.Equal(outbox.Count(m => m.Status == OutboxStatus.Sent), received.Count - unknown.Count(m => byAddress.ContainsKey(m.To)));
        }
    }

    /// <summary>Starts a run, polls the database until <paramref name="progress"/> reaches <paramref name="atLeast"/>, kills it. Returns what it saw.</summary>
    private static async Task<string> KillWhenAsync(ReminderRig rig, int port, Func<Core.Storage.TrackerDb, Task<int>> progress, int atLeast)
    {
        using var child = Start(rig.DataDir, port);
        var seen = new List<int>();
        var reached = 0;
        while (reached < atLeast && !child.HasExited)
        {
            await Task.Delay(10, Ct);
            await using var db = rig.Db();
            reached = await progress(db);
            seen.Add(reached);
        }

        if (child.HasExited)
        {
            Assert.Fail($"the run ended before it could be killed (seen: {string.Join(' ', seen)}): " + await child.StandardError.ReadToEndAsync(Ct));
        }

        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(Ct);
        return string.Join(' ', seen.SkipWhile(s => s == 0));
    }

    private static Process Start(string dataDir, int port)
        => CliRunner.Start(
            new Dictionary<string, string?>(RemindCommandTests.Smtp(port)) { ["MeetingTracker__Mail__SendingTimeout"] = "00:00:01" },
            "remind", "--data", dataDir, "--at", At);
}
