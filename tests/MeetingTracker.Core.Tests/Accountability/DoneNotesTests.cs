using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using static MeetingTracker.Core.Tests.Accountability.AccountabilityCorpus;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>Done notes in the minutes (ADR 9, "Done from the logs") as a table of cases, and over a harvested snapshot.</summary>
public sealed class DoneNotesTests
{
    private const string Keys = "bob to rotate the mirror keys";
    private const string FollowUp = "Follow-up on action items";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    // Team 1 meets weekly: meeting 10 (week 0), 11 (week 1, raises the action), 12 (week 2). Team 2: meeting 20 (week 2).
    private static readonly TeamMeeting[] Meetings =
        [new(10, 1, Start), new(11, 1, Start.AddDays(7)), new(12, 1, Start.AddDays(14)), new(20, 2, Start.AddDays(14))];

    [Theory]
    [InlineData(ItemKind.Done, Keys, null, 12, true)] // #done text
    [InlineData(ItemKind.Info, "done: Bob to rotate the mirror keys.", null, 12, true)] // #info done: text
    [InlineData(ItemKind.Info, "DONE bob to rotate the mirror keys", null, 12, true)] // leading DONE
    [InlineData(ItemKind.Action, Keys + " DONE", null, 12, true)] // #action text DONE
    [InlineData(ItemKind.Agreed, Keys + " (done)", null, 12, true)] // trailing (done)
    [InlineData(ItemKind.Info, "bob: mirror keys rotated, done", FollowUp, 12, true)] // "done" in the follow-up topic, by shared words
    [InlineData(ItemKind.Info, "mirror keys done", "Stand der Dinge", 12, true)] // any wording: the topic is one by what happens under it
    [InlineData(ItemKind.Info, "mirror keys done", null, 12, false)] // "done" under another topic is not a marker
    [InlineData(ItemKind.Info, "we are done with the mirror keys for now", null, 12, false)]
    [InlineData(ItemKind.Info, "done: alice to update the wiki page", null, 12, false)] // another action
    [InlineData(ItemKind.Info, "done: the keys", null, 12, false)] // one shared word is not enough
    [InlineData(ItemKind.Done, Keys, null, 10, false)] // before the action was raised
    [InlineData(ItemKind.Done, Keys, null, 20, false)] // another team's note
    [InlineData(ItemKind.Link, "done: " + Keys, null, 12, false)] // not a note kind
    public void A_done_note_closes_the_open_chain_it_names(ItemKind kind, string text, string? topic, int meeting, bool closes)
    {
        var chains = ActionChainBuilder.Build([new ActionOccurrence(1, 11, 1, Start.AddDays(7), Keys)], Meetings);
        var note = new NoteCandidate(2, meeting, 3, kind, Meetings.Single(m => m.MeetingId == meeting).StartedAt.AddMinutes(5), text, topic);

        var closing = DoneNotes.Close(chains, [note], Meetings.ToDictionary(m => m.MeetingId, m => m.TeamId));

        var chain = Assert.Single(chains);
        Assert.Equal(closes ? note.Ref : null, chain.DoneInLogs);
        Assert.Equal(closes, closing.Contains(2));
        Assert.Equal(closes ? ActionState.Done : ActionState.Open, chain.InferState(Start.AddDays(15), 14));
    }

    [Fact]
    public void A_follow_up_topic_is_one_where_earlier_actions_come_back_and_every_topic_of_the_team_titled_the_same()
    {
        // Team 1: meeting 10 raises an action under "Agenda"; meeting 11 carries it under "Stand der Dinge"; meeting 12
        // has "3/ stand der dinge!" (numbered: the same title) with nothing carried, and "Follow-up" with nothing carried.
        // Team 2 has "Stand der Dinge" too.
        TopicAction[] actions = [new(10, 1, "bob to rotate the keys"), new(11, 2, "Bob to rotate the keys."), new(12, 1, "alice to write the notes")];
        TopicHeading[] topics =
        [
            new(10, 1, "Agenda"), new(11, 1, "Roll call"), new(11, 2, "Stand der Dinge"), new(12, 1, "3/ stand der dinge!"),
            new(12, 2, "Follow-up on action items"), new(20, 1, "Stand der Dinge"),
        ];

        var found = FollowUpTopics.Find(actions, topics, Meetings);

        Assert.Equal([(11, 2), (12, 1)], found.Order());
    }

    [Fact]
    public void Words_that_fit_two_chains_equally_close_neither()
    {
        var chains = ActionChainBuilder.Build(
            [new ActionOccurrence(1, 11, 1, Start.AddDays(7), "bob to rotate the mirror keys"), new ActionOccurrence(2, 11, 2, Start.AddDays(7), "alice to audit the mirror keys")],
            Meetings);

        DoneNotes.Close(chains, [new NoteCandidate(3, 12, 1, ItemKind.Info, Start.AddDays(14), "done: mirror keys", null)], Meetings.ToDictionary(m => m.MeetingId, m => m.TeamId));

        Assert.All(chains, c => Assert.Null(c.DoneInLogs));
    }

    [Fact]
    public async Task Over_a_harvest_a_done_note_closes_its_chain_and_an_action_written_done_is_not_a_new_action()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        corpus.Write(5, $"#topic {FollowUp}", $"#info done: {A}", $"#action {D} DONE");
        await corpus.Host.HarvestAsync(corpus.Source, Ct);

        var snapshot = await corpus.Service().SnapshotAsync(Ct);

        var infra = await corpus.TeamIdAsync("infra");
        var now = Week(5).AddDays(1);
        Assert.Equal(ActionState.Done, snapshot.Actions.Single(c => c.TeamId == infra && c.Text == A && c.CarriedOver > 0).InferState(now, 14));
        Assert.Equal(ActionState.Done, snapshot.Actions.Single(c => c.TeamId == infra && c.Text == D).InferState(now, 14));
        Assert.DoesNotContain(snapshot.Actions, c => c.Text.EndsWith("DONE", StringComparison.Ordinal));

        // The docs team raised A too; infra's note does not close it.
        Assert.Null(snapshot.Actions.Single(c => c.TeamId != infra && c.Text == A).DoneInLogs);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
