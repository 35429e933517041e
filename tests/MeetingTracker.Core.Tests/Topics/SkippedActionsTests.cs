using MeetingTracker.Core.Topics;

namespace MeetingTracker.Core.Tests.Topics;

/// <summary>Which meetings skipped an action that was on their agenda.</summary>
public sealed class SkippedActionsTests
{
    private static readonly DateTimeOffset Raised = new(2024, 1, 8, 15, 0, 0, TimeSpan.Zero);

    private static HeldMeeting Week(int n, params string[] said) => new(n, $"week {n}", Raised.AddDays(7 * n), said);

    [Fact]
    public void A_meeting_after_the_action_was_carried_that_says_nothing_of_it_skipped_it()
    {
        var skipped = SkippedActions.Find("alice to rotate the mirror keys", 12, Raised, null,
        [
            Week(0, "#action alice to rotate the mirror keys"),
            Week(1, "the wiki theme is ready", "#agreed ship the theme"),
            Week(2, "alice: the mirror keys are half rotated"),
            Week(3, "nothing about it"),
            Week(4, "see https://mt.example.org/actions/12 for where it stands"),
        ]);

        Assert.Equal([1, 3], skipped.Select(m => m.MeetingId));
    }

    [Fact]
    public void One_shared_word_is_not_a_mention_and_a_closed_action_is_on_no_later_agenda()
    {
        var skipped = SkippedActions.Find("alice to rotate the mirror keys", 12, Raised, Raised.AddDays(10),
            [Week(1, "the mirror of fedora is down"), Week(2, "nothing"), Week(3, "nothing")]);

        Assert.Equal([1], skipped.Select(m => m.MeetingId));
    }

    [Fact]
    public void At_most_a_few_meetings_are_told()
    {
        var skipped = SkippedActions.Find("bob to fix the build", 3, Raised, null, Enumerable.Range(1, 10).Select(n => Week(n, "other things")));
        Assert.Equal(SkippedActions.MaxListed, skipped.Count);
    }
}
