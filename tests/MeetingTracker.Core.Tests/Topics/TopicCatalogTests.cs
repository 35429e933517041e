using MeetingTracker.Core.Topics;

namespace MeetingTracker.Core.Tests.Topics;

/// <summary>Routine topics are learned per team from how they recur; subjects are grouped across spellings.</summary>
public sealed class TopicCatalogTests
{
    private static readonly DateTimeOffset Monday = new(2024, 1, 8, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Weekly meetings, each given its topic titles in order.</summary>
    private static IReadOnlyList<TeamTopic> Weekly(params string[][] agendas)
    {
        var meetings = agendas.Select((_, i) => (Id: i + 1, StartedAt: Monday.AddDays(7 * i))).ToList();
        var mentions = agendas.SelectMany((titles, i) => titles.Select((t, o) => new TopicMention(i + 1, meetings[i].StartedAt, o, t)));
        return TopicCatalog.Build(mentions, meetings);
    }

    private static TeamTopic Topic(IReadOnlyList<TeamTopic> topics, string key) => Assert.Single(topics, t => t.Key == key);

    [Fact]
    public void A_standing_item_in_every_meeting_is_routine_and_a_subject_of_a_few_weeks_is_not()
    {
        var topics = Weekly(
            ["1/ Roll call", "2/ Mirror outage", "3/ Open floor"],
            ["1/ Roll call", "2/ Mirror outage", "3/ Open floor"],
            ["1/ Roll call", "2/ Release schedule", "3/ Open floor"],
            ["1/ Roll call", "2/ Mirror outage", "3/ Open floor"],
            ["1/ Roll call", "2/ Release schedule", "3/ Open floor"],
            ["1/ Roll call", "2/ Packaging guidelines", "3/ Open floor"],
            ["1/ Roll call", "2/ Mirror outage", "3/ Open floor"],
            ["1/ Roll call", "2/ Packaging guidelines", "3/ Open floor"]);

        Assert.True(Topic(topics, "roll call").Routine);
        Assert.True(Topic(topics, "open floor").Routine);
        var mirror = Topic(topics, "mirror outage");
        Assert.False(mirror.Routine);
        Assert.Equal([1, 2, 4, 7], mirror.Meetings);
        Assert.Equal(Monday, mirror.First);
        Assert.Equal(Monday.AddDays(42), mirror.Last);
        Assert.False(Topic(topics, "release schedule").Routine);
        Assert.Equal(0, Topic(topics, "roll call").Position);
        Assert.Equal(1, Topic(topics, "open floor").Position);
    }

    [Fact]
    public void A_standing_item_adopted_late_is_routine_from_the_meetings_since()
    {
        // 10 meetings without it, then 6 in a row with it: 6 of the 6 meetings since it came up.
        var agendas = Enumerable.Range(0, 10).Select(i => new[] { $"Subject {i}" })
            .Concat(Enumerable.Range(0, 6).Select(i => new[] { "Follow-up on action items", $"Later subject {i}" }))
            .ToArray();
        Assert.True(Topic(Weekly(agendas), "follow-up on action items").Routine);
    }

    [Fact]
    public void Fewer_meetings_than_the_minimum_tell_nothing_routine()
    {
        var topics = Weekly(["Roll call", "Budget"], ["Roll call", "Budget"], ["Roll call", "Budget"], ["Roll call", "Budget"]);
        Assert.All(topics, t => Assert.False(t.Routine));
    }

    [Fact]
    public void Routine_is_learned_per_team_not_from_the_words()
    {
        // This team has a topic called "Roll call" only once: it is a subject here.
        var topics = Weekly(["Roll call", "Tooling"], ["Tooling"], ["Tooling"], ["Tooling"], ["Tooling"], ["Tooling"]);
        Assert.False(Topic(topics, "roll call").Routine);
        Assert.True(Topic(topics, "tooling").Routine);
    }

    [Fact]
    public void Spellings_of_one_subject_are_one_topic_titled_as_last_written()
    {
        var topics = Weekly(["1. Release blockers:"], ["[b] release BLOCKERS"], ["Release blockers (2024-01-22)"]);
        var topic = Assert.Single(topics);
        Assert.Equal("release-blockers", topic.Slug);
        Assert.Equal("Release blockers", topic.Title);
        Assert.Equal([1, 2, 3], topic.Meetings);
    }

    [Fact]
    public void A_topic_twice_in_one_meeting_counts_that_meeting_once()
    {
        var topic = Assert.Single(Weekly(["Budget", "Budget (continued)", "Budget"]), t => t.Key == "budget");
        Assert.Equal([1], topic.Meetings);
    }

    [Fact]
    public void Two_keys_with_one_slug_get_distinct_slugs_the_older_keeping_the_plain_one()
    {
        var topics = Weekly(["C bindings"], ["C++ bindings"]);
        Assert.Equal("c-bindings", Topic(topics, "c bindings").Slug);
        Assert.Equal("c-bindings-2", Topic(topics, "c++ bindings").Slug);
    }

    [Fact]
    public void Topics_come_most_recently_discussed_first()
    {
        var topics = Weekly(["Alpha"], ["Beta"], ["Alpha"]);
        Assert.Equal(["alpha", "beta"], topics.Select(t => t.Key));
    }
}
