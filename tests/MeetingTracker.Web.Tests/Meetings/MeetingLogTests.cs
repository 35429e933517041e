using Bunit;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Components.Pages.Meetings;

namespace MeetingTracker.Web.Tests.Meetings;

/// <summary>The log table: anchors, self-links, command classes, back links, and untrusted text kept as text.</summary>
public sealed class MeetingLogTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 16, 0, 0, TimeSpan.Zero);

    private readonly BunitContext context = new();

    [Fact]
    public void Markup_in_a_line_is_rendered_as_text()
    {
        var log = Render([Line(1, "alice", "<script>alert(1)</script> and <img src=x onerror=alert(1)>")]);

        Assert.Empty(log.FindAll("script"));
        Assert.Empty(log.FindAll("img"));
        Assert.Equal("<script>alert(1)</script> and <img src=x onerror=alert(1)>", log.Find("#l-1 td.msg").TextContent.Trim());
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", log.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>bold</b> & \"quotes\" 'single' </td></tr><tr><td>")]
    [InlineData("see https://example.org/?a=1&b=2'x\"onmouseover=\"alert(1) now")]
    [InlineData("javascript:alert(1) data:text/html,<script>x</script>")]
    [InlineData("naïve ünïcödé \u0001 \u202e")]
    public void Any_text_and_nick_round_trip_as_text(string text)
    {
        var log = Render([Line(1, "<i>" + text, text, person: "a\"b<c>")]);

        Assert.Single(log.FindAll("tbody tr"));
        Assert.Equal(text, log.Find("#l-1 td.msg").TextContent);
        Assert.Equal("<i>" + text, log.Find("#l-1 td.nick").TextContent);
        Assert.Equal("people/a%22b%3Cc%3E", log.Find("#l-1 td.nick a").GetAttribute("href"));
        Assert.Empty(log.FindAll("b, i, script, img"));
        Assert.All(log.FindAll("td.msg a"), a => Assert.StartsWith("https://example.org/?a=1&b=2'x", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_line_has_its_anchor_and_a_link_to_itself()
    {
        var log = Render([Line(1, "alice", "hello"), Line(2, "bob", "hi"), Line(3, "alice", "bye")]);

        var rows = log.FindAll("tbody tr");
        Assert.Equal(["l-1", "l-2", "l-3"], rows.Select(r => r.Id));
        Assert.Equal(["meetings/7#l-1", "meetings/7#l-2", "meetings/7#l-3"], rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("16:00:02", rows[1].QuerySelector("time")!.TextContent);
    }

    [Theory]
    [InlineData("#action bob to fix it", "cmd cmd-action")]
    [InlineData("#AGREED ship it", "cmd cmd-agreed")]
    [InlineData("#topic Release", "cmd cmd-topic")]
    [InlineData("[TOPIC] Release", "cmd cmd-topic")]
    [InlineData("!sm weekly", "cmd cmd-startmeeting")]
    [InlineData("#startmeeting infra", "cmd cmd-startmeeting")]
    [InlineData("#endmeeting", "cmd cmd-endmeeting")]
    [InlineData("we said #action earlier", null)]
    [InlineData("#fedora-meeting is the channel", null)]
    [InlineData("#t is not a command on IRC", null)]
    public void Commands_are_highlighted_by_kind(string text, string? css)
    {
        var log = Render([Line(1, "alice", text)]);

        Assert.Equal(css, log.Find("#l-1").GetAttribute("class"));
    }

    [Fact]
    public void Speakers_link_to_their_people_and_emotes_are_marked()
    {
        var log = Render([Line(1, "alice_", "hello", person: "alice"), Line(2, "zodbot", "Meeting started"), Line(3, "bob", "waves", emote: true)]);

        Assert.Equal("people/alice", log.Find("#l-1 td.nick a").GetAttribute("href"));
        Assert.Equal("alice_", log.Find("#l-1 td.nick a").TextContent);
        Assert.Empty(log.FindAll("#l-2 td.nick a"));
        Assert.Equal("emote", log.Find("#l-3").GetAttribute("class"));
    }

    [Fact]
    public void A_line_that_made_an_item_or_a_topic_links_back_to_it()
    {
        TopicEntry[] topics = [new(0, "Release", "alice", At, 2)];
        ItemEntry[] items = [new(4, ItemKind.Action, "bob to fix it", "alice", At, 3, 0, null, [])];

        var log = Render([Line(1, "alice", "hi"), Line(2, "alice", "#topic Release"), Line(3, "alice", "#action bob to fix it")], topics, items);

        Assert.Empty(log.FindAll("#l-1 a.back"));
        Assert.Equal("meetings/7#topic-1", log.Find("#l-2 a.back").GetAttribute("href"));
        Assert.Equal("meetings/7#item-4", log.Find("#l-3 a.back").GetAttribute("href"));
    }

    public void Dispose() => context.Dispose();

    private static LineEntry Line(int number, string nick, string text, string? person = null, bool emote = false)
        => new(number, At.AddSeconds(number), nick, person, text, emote);

    private IRenderedComponent<MeetingLog> Render(LineEntry[] lines, TopicEntry[]? topics = null, ItemEntry[]? items = null)
        => context.Render<MeetingLog>(p => p
            .Add(l => l.MeetingId, 7)
            .Add(l => l.Lines, lines)
            .Add(l => l.Topics, topics ?? [])
            .Add(l => l.Items, items ?? []));
}
