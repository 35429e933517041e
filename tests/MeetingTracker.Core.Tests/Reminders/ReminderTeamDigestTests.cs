using MeetingTracker.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using static MeetingTracker.Core.Tests.Reminders.ReminderScenario;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>
/// A chair's team digest: in the week before the team's next meeting (expected from how it has met), once per
/// meeting, only for a chair who asked for it.
/// </summary>
public sealed class ReminderTeamDigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chair_who_asked_gets_the_teams_digest_once_in_the_week_before_each_meeting()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await BuildAsync(rig, Ct);
        var bob = await rig.AccountAsync("bob@example.org", "bob", Ct);
        int infra;
        await using (var db = rig.Db())
        {
            infra = await db.Teams.Where(t => t.Key == "infra").Select(t => t.Id).SingleAsync(Ct);

            // alice asks too, but she does not chair the team.
            db.TeamDigests.AddRange(
                new TeamDigestSubscription { AccountId = bob, TeamId = infra, CreatedAt = ReminderRig.AccountsCreated },
                new TeamDigestSubscription { AccountId = accounts["alice"], TeamId = infra, CreatedAt = ReminderRig.AccountsCreated });
            await db.SaveChangesAsync(Ct);
        }

        var kind = DigestKinds.Team(infra);

        // infra met on Wednesdays at 16:00 (the last on 2 December): the next meeting is expected on 9 December, and its
        // digest is due from the first 08:00 after a week before it, Thursday 3 December.
        var early = await rig.RunAsync(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero), Ct, account: "bob@example.org");
        var due = await rig.RunAsync(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), Ct);
        var monday = await rig.RunAsync(Monday, Ct);

        Assert.DoesNotContain(early.Digests, d => d.Kind == kind);
        var team = Assert.Single(due.Digests, d => d.Kind == kind);
        Assert.Equal(("bob@example.org", "2026-12-09", DigestOutcome.Queued, "2 overdue, 1 need help"), (team.Email, team.Period, team.Outcome, team.Summary));
        Assert.Equal(DigestOutcome.AlreadySent, Assert.Single(monday.Digests, d => d.Kind == kind).Outcome);
        var mail = (await rig.OutboxAsync(Ct)).Single(m => m.Kind == kind);
        Assert.Equal("bob@example.org", mail.To);
        Assert.Equal("infra before its next meeting: 2 overdue, 1 need help", mail.Subject);
        Assert.Contains("You chair infra. Its next meeting is expected on 2026-12-09 16:00 UTC.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://meet.example.org/teams/infra\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/reminders/answer", mail.HtmlBody, StringComparison.Ordinal);
        var unsubscribe = Assert.IsType<string>(mail.UnsubscribeUrl);
        Assert.Equal(new UnsubscribeToken(bob, kind), rig.Tokens.ReadUnsubscribe(Uri.UnescapeDataString(unsubscribe[(unsubscribe.IndexOf("?t=", StringComparison.Ordinal) + 3)..])));

        // The meeting of 9 December happens: the next digest is the one before 16 December, due from 10 December 08:00.
        rig.Meeting("infra", Week(5), "bob", ["alice", "carol", "dana", "erin"], $"#action {MirrorKeys}", $"#action {Certificates}");
        await rig.HarvestAsync(Ct);
        var after = await rig.RunAsync(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero), Ct);

        var next = Assert.Single(after.Digests, d => d.Kind == kind);
        Assert.Equal(("2026-12-16", DigestOutcome.Queued), (next.Period, next.Outcome));
        Assert.Equal(2, (await rig.DigestsAsync(Ct)).Count(d => d.Kind == kind));
        Assert.DoesNotContain(await rig.DigestsAsync(Ct), d => d.Kind == kind && d.AccountId == accounts["alice"]);
    }

    [Fact]
    public async Task An_action_released_past_its_due_date_is_listed_once_as_released_not_also_as_overdue()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await BuildAsync(rig, Ct);
        var bob = await rig.AccountAsync("bob@example.org", "bob", Ct);
        int infra;
        await using (var db = rig.Db())
        {
            infra = await db.Teams.Where(t => t.Key == "infra").Select(t => t.Id).SingleAsync(Ct);
            db.TeamDigests.Add(new TeamDigestSubscription { AccountId = bob, TeamId = infra, CreatedAt = ReminderRig.AccountsCreated });
            await db.SaveChangesAsync(Ct);
        }

        // The certificates were due on 20 November; on 1 December alice releases them.
        var certificates = await rig.ChainAsync(Certificates, Ct);
        await rig.SayAsync(accounts["alice"], certificates, Core.Accountability.Events.EventKind.Due, new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), Ct, due: new DateOnly(2026, 11, 20));
        await rig.SayAsync(accounts["alice"], certificates, Core.Accountability.Events.EventKind.State, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), Ct, to: "no-time");

        var report = await rig.RunAsync(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), Ct);

        var team = Assert.Single(report.Digests, d => d.Kind == DigestKinds.Team(infra));
        Assert.Equal("1 overdue, 1 need help, 1 released", team.Summary);
        var mail = (await rig.OutboxAsync(Ct)).Single(m => m.Kind == DigestKinds.Team(infra));
        Assert.Equal(1, CountOf(mail.TextBody, "* " + Certificates));
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
