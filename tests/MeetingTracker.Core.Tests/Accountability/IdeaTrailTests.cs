using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>What followed each idea: later items of its team sharing at least two significant words with it.</summary>
public sealed class IdeaTrailTests(AccountabilityCorpus corpus) : IClassFixture<AccountabilityCorpus>
{
    [Fact]
    public async Task An_idea_is_followed_by_later_items_of_its_team_that_share_its_words()
    {
        var snapshot = await corpus.Service().SnapshotAsync(TestContext.Current.CancellationToken);

        var trail = Assert.Single(snapshot.Ideas, i => i.Idea.Text.StartsWith("automate", StringComparison.Ordinal));
        Assert.Equal(
            [(ItemKind.Agreed, "the build farm gets a nightly job from now on"), (ItemKind.Action, "dana to set up the nightly build farm job")],
            trail.FollowedBy.Select(f => (f.Kind, f.Text)));
        Assert.Equal((await corpus.TeamIdAsync("infra"), "bob"), (trail.TeamId, trail.Idea.Nick));
    }

    [Fact]
    public async Task An_idea_nothing_took_up_has_an_empty_trail_and_ideas_come_newest_first()
    {
        var snapshot = await corpus.Service().SnapshotAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["hold a test day for the installer", "automate the build farm with a nightly job"], snapshot.Ideas.Select(i => i.Idea.Text));
        Assert.Empty(snapshot.Ideas[0].FollowedBy);
    }

    [Fact]
    public void Words_are_long_lower_case_and_not_filler()
    {
        Assert.Equal(["automate", "build", "farm", "nightly"], SignificantWords.Of("Automate the BUILD farm, with a nightly job!").Order(StringComparer.Ordinal));
        Assert.Equal(["café", "zürich"], SignificantWords.Of("the café in Zürich").Order(StringComparer.Ordinal));
        Assert.Equal(1, SignificantWords.Shared(SignificantWords.Of("the farm is fine"), SignificantWords.Of("build farm")));
    }

    [Fact]
    public void The_window_bounds_the_trail()
    {
        var start = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        TeamMeeting[] meetings = [new(1, 7, start), new(2, 7, start.AddDays(30)), new(3, 7, start.AddDays(60))];
        ItemSummary Item(int id, int meeting, ItemKind kind, string text) => new(id, meeting, id, kind, meetings[meeting - 1].StartedAt.AddMinutes(id), text, "bob", null);

        var trails = IdeaTrailBuilder.Build(
            [
                Item(1, 1, ItemKind.Idea, "mirror rotation schedule"),
                Item(2, 1, ItemKind.Link, "mirror rotation schedule"),
                Item(3, 2, ItemKind.Agreed, "rotation of the mirror monthly"),
                Item(4, 3, ItemKind.Action, "bob to write the mirror rotation"),
            ],
            meetings,
            TimeSpan.FromDays(45));

        Assert.Equal([3], Assert.Single(trails).FollowedBy.Select(f => f.ItemId));
    }
}
