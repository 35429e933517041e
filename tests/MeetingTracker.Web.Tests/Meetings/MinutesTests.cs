using Bunit;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Components.Pages.Meetings;

namespace MeetingTracker.Web.Tests.Meetings;

/// <summary>The minutes: items before the first topic, then each topic with its items, with anchors and links.</summary>
public sealed class MinutesTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 16, 0, 0, TimeSpan.Zero);

    private readonly BunitContext context = new();

    [Fact]
    public void Items_sit_under_their_topics_in_order_with_those_before_the_first_topic_first()
    {
        TopicEntry[] topics = [new(0, "Release", "alice", At, 4), new(1, "Open floor", "alice", At, 9)];
        ItemEntry[] items =
        [
            Item(1, ItemKind.Info, "agenda is on the wiki", line: 2, topic: null),
            Item(2, ItemKind.Agreed, "ship on Friday", line: 6, topic: 0),
            Item(3, ItemKind.Action, "bob to tag the release", line: 7, topic: 0, owners: [new("bob", "bob"), new("carol_", "carol")]),
            Item(5, ItemKind.Idea, "a bot for reminders", line: 11, topic: 1),
        ];

        var minutes = Render(topics, items);

        Assert.Equal(["topic-1", "topic-2"], minutes.FindAll("section.topic h3").Select(h => h.Id));
        Assert.Equal(["item-1"], minutes.FindAll(".items:not(section .items) > li").Select(li => li.Id));
        Assert.Equal(["item-2", "item-3"], minutes.FindAll("section.topic")[0].QuerySelectorAll("li.item").Select(li => li.Id));
        Assert.Equal(["item-5"], minutes.FindAll("section.topic")[1].QuerySelectorAll("li.item").Select(li => li.Id));
        Assert.Equal(["Info", "Agreed", "Action", "Idea"], minutes.FindAll("li.item .kind").Select(k => k.TextContent));
        Assert.Equal("meetings/7#l-4", minutes.Find("#topic-1 a.line").GetAttribute("href"));
    }

    [Fact]
    public void Each_item_links_to_its_log_line_and_actions_to_their_owners()
    {
        ItemEntry[] items = [Item(3, ItemKind.Action, "bob and carol_ to tag it", line: 7, topic: null, owners: [new("bob", "bob"), new("carol_", "carol")])];

        var minutes = Render([], items);

        var item = minutes.Find("#item-3");
        Assert.Equal("meetings/7#l-7", item.QuerySelector("a.line")!.GetAttribute("href"));
        Assert.Equal(["people/bob", "people/carol"], item.QuerySelectorAll(".owners a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["bob", "carol_"], item.QuerySelectorAll(".owners a").Select(a => a.TextContent));
        Assert.Equal("(owners: bob, carol_)", item.QuerySelector(".owners")!.TextContent.Trim());
    }

    [Fact]
    public void Item_text_stays_text_and_only_safe_addresses_become_links()
    {
        ItemEntry[] items = [Item(1, ItemKind.Link, "<b>docs</b> https://docs.example.org javascript:alert(1)", line: 3, topic: null)];

        var minutes = Render([], items);

        var item = minutes.Find("#item-1");
        Assert.Empty(item.QuerySelectorAll("b"));
        Assert.Equal(["https://docs.example.org", "meetings/7#l-3"], item.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_meeting_without_minutes_says_so()
    {
        var minutes = Render([], []);

        Assert.Contains("No topics or items", minutes.Find("p.empty").TextContent, StringComparison.Ordinal);
    }

    public void Dispose() => context.Dispose();

    [Fact]
    public void A_vote_shows_its_outcome_counts_and_voters_and_says_when_the_minutes_contradict_it()
    {
        ItemEntry[] items =
        [
            Item(1, ItemKind.Vote, "alice for MOTU (Carried)", line: 9, topic: null) with { Vote = new("alice for MOTU", "carried", 3, 0, 1, ["bob", "<carol>"], "Motion carried") },
            Item(2, ItemKind.Vote, "upload rights (Denied)", line: 14, topic: null) with { Vote = new("upload rights", "denied", 1, 2, 0, [], "Motion carried") },
            Item(3, ItemKind.Vote, "Voted on \"Which day?\" Results are", line: 20, topic: null) with { Vote = new("Which day?", null, null, null, null, ["dave"], null) },
        ];

        var minutes = Render([], items);

        Assert.Equal("carried: 3 for, 0 against, 1 abstained; voted: bob, <carol>", minutes.Find("#item-1 .vote").TextContent);
        Assert.Empty(minutes.FindAll("#item-1 .vote-note"));
        Assert.Equal("denied: 1 for, 2 against, 0 abstained", minutes.Find("#item-2 .vote").TextContent);
        Assert.Contains("“Motion carried”", minutes.Find("#item-2 .vote-note").TextContent, StringComparison.Ordinal);
        Assert.Equal("no result recorded; voted: dave", minutes.Find("#item-3 .vote").TextContent);
    }

    private static ItemEntry Item(int number, ItemKind kind, string text, int? line, int? topic, OwnerEntry[]? owners = null)
        => new(number, kind, text, "alice", At, line, topic, null, owners ?? []);

    private IRenderedComponent<Minutes> Render(TopicEntry[] topics, ItemEntry[] items)
        => context.Render<Minutes>(p => p.Add(m => m.MeetingId, 7).Add(m => m.Topics, topics).Add(m => m.Items, items));
}
