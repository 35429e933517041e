using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using static MeetingTracker.Core.Tests.Reminders.ReminderScenario;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>What a personal digest says, section by section, and that nothing is sent when there is nothing to say.</summary>
public sealed class ReminderContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_digest_lists_overdue_oldest_first_then_coming_due_help_wanted_in_the_team_offers_and_new()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await BuildAsync(rig, Ct);

        var digests = (await rig.Get<ReminderRun>().ComposeAsync(Monday, null, Ct)).ToDictionary(d => d.Account.Email, StringComparer.Ordinal);

        var alice = digests["alice@example.org"];
        Assert.Equal((DigestKinds.Personal, "2026-12-07"), (alice.Kind, alice.Period));
        Assert.Equal([MirrorKeys, Certificates], Texts(alice, DigestSectionKind.Overdue));
        Assert.Equal([Wiki], Texts(alice, DigestSectionKind.ComingDue));
        Assert.Equal([ReminderScenario.Proxy], Texts(alice, DigestSectionKind.NeedHelpInTeams));
        Assert.Equal([MirrorKeys], Texts(alice, DigestSectionKind.Offers));
        Assert.Equal([Offer], Section(alice, DigestSectionKind.Offers).Actions[0].Notes);
        Assert.Equal([Markup, ReleaseNotes], Texts(alice, DigestSectionKind.New));
        Assert.Equal("2 overdue, 1 coming due, 1 need help, 1 offers of help, 2 new", DigestRenderer.Summary(alice));

        var keys = Section(alice, DigestSectionKind.Overdue).Actions[0];
        Assert.Equal((3, 25, ActionState.Overdue, "infra"), (keys.CarriedOver, keys.AgeDays, keys.State, keys.Team.Name));

        // What alice owes she can answer in one click; carol's action she can only help with.
        Assert.All(alice.Sections.Where(s => s.Kind is DigestSectionKind.Overdue or DigestSectionKind.ComingDue or DigestSectionKind.New).SelectMany(s => s.Actions), a => Assert.True(a.Answerable));
        Assert.False(Section(alice, DigestSectionKind.NeedHelpInTeams).Actions[0].Answerable);

        // carol asked for help on hers (still hers, due 9 December); dana is in the team that needs help.
        Assert.Equal("1 coming due", DigestRenderer.Summary(digests["carol@example.org"]));
        Assert.Equal(ActionState.NeedHelp, Section(digests["carol@example.org"], DigestSectionKind.ComingDue).Actions[0].State);
        Assert.Equal("1 need help", DigestRenderer.Summary(digests["dana@example.org"]));
        Assert.True(digests["frank@example.org"].IsEmpty);

        var report = await rig.RunAsync(Monday, Ct);

        Assert.Equal("reminders: 3 queued, 0 already sent, 1 with nothing to say", report.Line);
        var byEmail = report.Digests.ToDictionary(d => d.Email, StringComparer.Ordinal);
        Assert.Equal(DigestOutcome.NothingToSay, byEmail["frank@example.org"].Outcome);
        Assert.Equal(DigestOutcome.Queued, byEmail["alice@example.org"].Outcome);
        var outbox = await rig.OutboxAsync(Ct);
        Assert.Equal(["alice@example.org", "carol@example.org", "dana@example.org"], outbox.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Equal("Your actions: 2 overdue, 1 coming due, 1 need help, 1 offers of help, 2 new", outbox.Single(m => m.To == "alice@example.org").Subject);
        var frank = (await rig.DigestsAsync(Ct)).Single(d => d.AccountId == accounts["frank"]);
        Assert.Null(frank.OutboxMessageId);
        Assert.Equal(0, frank.Items);
    }

    [Fact]
    public async Task The_next_digest_tells_only_what_is_new_since_the_last_and_none_after_the_owner_said_it_is_done()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await BuildAsync(rig, Ct);
        await rig.RunAsync(Monday, Ct);

        // Between the two Mondays: a fifth meeting gives alice one more action, and she says all of hers are done.
        rig.Meeting("infra", Week(5), "bob", ["alice", "carol", "dana", "erin"], "#action alice to archive the old logs");
        await rig.HarvestAsync(Ct);
        foreach (var text in new[] { MirrorKeys, Certificates, Wiki, ReleaseNotes, Markup })
        {
            await rig.SayAsync(accounts["alice"], await rig.ChainAsync(text, Ct), Core.Accountability.Events.EventKind.State, Week(5).AddHours(3), Ct, to: "done");
        }

        var next = (await rig.Get<ReminderRun>().ComposeAsync(Monday.AddDays(7), "alice@example.org", Ct)).Single();

        Assert.Equal("2026-12-14", next.Period);
        Assert.Equal(["alice to archive the old logs"], Texts(next, DigestSectionKind.New));
        Assert.Equal(1, next.Items);
    }

    [Fact]
    public async Task A_digest_composed_late_does_not_tell_again_next_time_what_it_told()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        await BuildAsync(rig, Ct);

        // The run of Monday 7 December comes late, at 14:00, after a meeting at 10:00 gave alice another action (due in
        // February: it is not coming due next week, only new).
        rig.Meeting("infra", Monday.AddHours(2), "bob", ["alice"], "#action alice to order the new disks");
        await rig.HarvestAsync(Ct);
        await using (var db = rig.Db())
        {
            var id = await db.Users.Where(u => u.Email == "alice@example.org").Select(u => u.Id).SingleAsync(Ct);
            await rig.SayAsync(id, await rig.ChainAsync("alice to order the new disks", Ct), Core.Accountability.Events.EventKind.Due, Monday.AddHours(3), Ct, due: new DateOnly(2027, 2, 1));
        }

        var late = (await rig.Get<ReminderRun>().ComposeAsync(Monday.AddHours(6), "alice@example.org", Ct)).Single();
        await rig.RunAsync(Monday.AddHours(6), Ct);
        var next = (await rig.Get<ReminderRun>().ComposeAsync(Monday.AddDays(7), "alice@example.org", Ct)).Single();

        Assert.Contains(late.Sections.Single(s => s.Kind == DigestSectionKind.New).Actions, a => a.Text == "alice to order the new disks");
        Assert.Empty(next.Sections.Single(s => s.Kind == DigestSectionKind.New).Actions);
        Assert.DoesNotContain(next.Sections.SelectMany(s => s.Actions), a => a.Text == "alice to order the new disks");
    }

    [Fact]
    public async Task A_due_date_people_set_is_the_date_the_digest_shows_and_it_is_overdue_the_day_after()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await BuildAsync(rig, Ct);
        await rig.SayAsync(accounts["alice"], await rig.ChainAsync(Wiki, Ct), Core.Accountability.Events.EventKind.Due, Week(4), Ct, due: new DateOnly(2026, 12, 10));
        await rig.SayAsync(accounts["alice"], await rig.ChainAsync(ReleaseNotes, Ct), Core.Accountability.Events.EventKind.Due, Week(4), Ct, due: new DateOnly(2026, 12, 6));
        var links = new ReminderLinks(ReminderRig.Root, rig.Tokens, Monday);

        var digest = (await rig.Get<ReminderRun>().ComposeAsync(Monday, "alice@example.org", Ct)).Single();
        var text = DigestRenderer.Render(digest, links).Text;

        Assert.Equal([MirrorKeys, Certificates, ReleaseNotes], Texts(digest, DigestSectionKind.Overdue));
        Assert.Equal([Wiki], Texts(digest, DigestSectionKind.ComingDue));
        Assert.Contains("infra · 11 days old · due 2026-12-10 · open", text, StringComparison.Ordinal);
        Assert.Contains("infra · 4 days old · was due 2026-12-06 · overdue", text, StringComparison.Ordinal);
    }

    private static DigestSection Section(DigestContent digest, DigestSectionKind kind) => digest.Sections.Single(s => s.Kind == kind);

    private static List<string> Texts(DigestContent digest, DigestSectionKind kind) => [.. Section(digest, kind).Actions.Select(a => a.Text)];
}
