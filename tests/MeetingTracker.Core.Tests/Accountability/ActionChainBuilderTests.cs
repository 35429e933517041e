using MeetingTracker.Core.Accountability;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>The grouping on its own, over meetings and actions built by hand.</summary>
public sealed class ActionChainBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    // Team 1 meets weekly (meetings 10..15), team 2 once (meeting 20), listed out of order on purpose.
    private static readonly TeamMeeting[] Meetings =
        [.. Enumerable.Range(0, 6).Reverse().Select(w => new TeamMeeting(10 + w, 1, Start.AddDays(7 * w))), new(20, 2, Start.AddDays(1))];

    private static int nextId = 100;

    [Fact]
    public void One_skipped_meeting_keeps_the_chain_two_break_it()
    {
        var chains = ActionChainBuilder.Build([At(10, "x"), At(12, "x"), At(15, "x")], Meetings);

        Assert.Equal([(10, 12, 1, 3), (15, 15, 0, 0)], chains.Select(c => (c.First.MeetingId, c.Latest.MeetingId, c.CarriedOver, c.MeetingsSince)).OrderBy(c => c.Item1));
    }

    [Fact]
    public void The_same_action_twice_in_one_meeting_counts_once_and_shows_the_later()
    {
        var first = At(10, "x");
        var again = At(10, "X.", minutes: 5);

        var chain = Assert.Single(ActionChainBuilder.Build([again, first], Meetings));

        Assert.Equal((first.ItemId, again.ItemId, "X.", 0, 5), (chain.First.ItemId, chain.Latest.ItemId, chain.Text, chain.CarriedOver, chain.MeetingsSince));
    }

    [Fact]
    public void Teams_do_not_share_chains_and_unknown_meetings_are_ignored()
    {
        var chains = ActionChainBuilder.Build([At(14, "x"), At(15, "x"), At(20, "x"), At(99, "x")], Meetings);

        Assert.Equal([(1, 1, 0), (2, 0, 0)], chains.Select(c => (c.TeamId, c.CarriedOver, c.MeetingsSince)).OrderBy(c => c.TeamId));
    }

    [Fact]
    public void No_actions_no_chains() => Assert.Empty(ActionChainBuilder.Build([], Meetings));

    private static ActionOccurrence At(int meetingId, string text, int minutes = 1)
    {
        var start = Meetings.SingleOrDefault(m => m.MeetingId == meetingId)?.StartedAt ?? Start;
        return new ActionOccurrence(Interlocked.Increment(ref nextId), meetingId, 1, start.AddMinutes(minutes), text);
    }
}
