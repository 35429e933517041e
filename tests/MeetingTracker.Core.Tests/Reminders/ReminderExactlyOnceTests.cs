using MeetingTracker.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using static MeetingTracker.Core.Tests.Reminders.ReminderScenario;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>
/// A digest is queued once: a second run, a later run in the same period and several runs at once (in one process
/// and in several, on the same SQLite file) all find it, or lose the race on its key; a dry run queues and writes nothing.
/// </summary>
public sealed class ReminderExactlyOnceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_again_at_the_same_moment_and_later_in_the_period_queue_nothing_more()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        await BuildAsync(rig, Ct);

        var first = await rig.RunAsync(Monday, Ct);
        var again = await rig.RunAsync(Monday, Ct);
        var later = await rig.RunAsync(Monday.AddHours(5), Ct);
        var nextDay = await rig.RunAsync(Monday.AddDays(1), Ct);

        Assert.Equal("reminders: 3 queued, 0 already sent, 1 with nothing to say", first.Line);
        Assert.Equal("reminders: 0 queued, 3 already sent, 1 with nothing to say", again.Line);
        Assert.Equal(again.Line, later.Line);
        Assert.Equal(again.Line, nextDay.Line);
        Assert.All(again.Digests.Where(d => d.Outcome == DigestOutcome.AlreadySent), d => Assert.StartsWith("already sent (", d.Summary, StringComparison.Ordinal));
        Assert.Equal(3, (await rig.OutboxAsync(Ct)).Count);
        Assert.Equal(4, (await rig.DigestsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Several_runs_at_once_in_several_processes_queue_each_digest_once()
    {
        const int People = 40;
        await using var rig = await ReminderRig.StartAsync(Ct);
        var nicks = Enumerable.Range(1, People).Select(i => $"member{i:00}").ToList();
        rig.Meeting("infra", Week(4), "bob", nicks, [.. nicks.Select(n => $"#action {n} to check the mirror number {n[6..]}")]);
        await rig.HarvestAsync(Ct);
        await rig.AccountsAsync(Ct, [.. nicks.Select(n => ($"{n}@example.org", n))]);

        // Three nodes over the same file, two runs at once in each: six runs race for every digest.
        await using var second = await ReminderRig.OverAsync(rig, Ct);
        await using var third = await ReminderRig.OverAsync(rig, Ct);
        ReminderRig[] nodes = [rig, second, third];
        using var start = new ManualResetEventSlim();
        var runs = nodes.SelectMany(n => new[] { n, n }).Select(n => Task.Run(
            async () =>
            {
                start.Wait(Ct);
                return await n.RunAsync(Monday, Ct);
            },
            Ct)).ToList();
        start.Set();
        var reports = await Task.WhenAll(runs);

        Assert.All(reports, r => Assert.Equal(People, r.Digests.Count));
        Assert.All(reports, r => Assert.All(r.Digests, d => Assert.Contains(d.Outcome, new[] { DigestOutcome.Queued, DigestOutcome.AlreadySent })));
        Assert.Equal(People, reports.Sum(r => r.Queued));
        Assert.Equal(People * (reports.Length - 1), reports.Sum(r => r.AlreadySent));
        var queuedBy = reports.SelectMany(r => r.Digests.Where(d => d.Outcome == DigestOutcome.Queued)).Select(d => d.Email).ToList();
        Assert.Equal(People, queuedBy.Distinct(StringComparer.Ordinal).Count());
        var outbox = await rig.OutboxAsync(Ct);
        Assert.Equal(nicks.Select(n => $"{n}@example.org"), outbox.Select(m => m.To).Order(StringComparer.Ordinal));
        var digests = await rig.DigestsAsync(Ct);
        Assert.Equal(People, digests.Count);
        Assert.Equal(outbox.Select(m => (long?)m.Id).Order(), digests.Select(d => d.OutboxMessageId).Order());
    }

    [Fact]
    public async Task A_dry_run_tells_what_would_be_queued_and_writes_nothing()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        await BuildAsync(rig, Ct);
        int keys;
        await using (var db = rig.Db())
        {
            keys = await db.DataProtectionKeys.CountAsync(Ct);
        }

        var dry = await rig.RunAsync(Monday, Ct, dryRun: true);

        Assert.Equal(
            ["alice@example.org WouldQueue", "carol@example.org WouldQueue", "dana@example.org WouldQueue", "frank@example.org NothingToSay"],
            dry.Digests.Select(d => $"{d.Email} {d.Outcome}"));
        Assert.Equal("2 overdue, 1 coming due, 1 need help, 1 offers of help, 2 new", dry.Digests[0].Summary);
        Assert.Empty(await rig.OutboxAsync(Ct));
        Assert.Empty(await rig.DigestsAsync(Ct));
        await using (var db = rig.Db())
        {
            Assert.Equal(keys, await db.DataProtectionKeys.CountAsync(Ct));
        }

        // The real run afterwards queues them all.
        Assert.Equal("reminders: 3 queued, 0 already sent, 1 with nothing to say", (await rig.RunAsync(Monday, Ct)).Line);
    }
}
