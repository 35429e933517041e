using MeetingTracker.Core.Meetbot;
using static MeetingTracker.Core.Tests.Meetbot.Replay.ReplayFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>One row per MeetBot command rule: what the minutes hold after replaying a small log.</summary>
public sealed class CommandRulesTests
{
    [Theory]
    // Items anyone may add; #halp is #help; commands are case-insensitive after the '#'.
    [InlineData(MeetbotDialect.Meetbot014, "bob: #info the build is green\nbob: #idea cache it\nbob: #HALP need reviewers\nbob: #help docs\nbob: #Action bob to fix CI",
        "INFO the build is green | IDEA cache it | HELP need reviewers | HELP docs | ACTION bob to fix CI")]
    // Chair-only items: #agree/#accept are aliases; a non-chair's are dropped silently.
    [InlineData(MeetbotDialect.Meetbot014, "alice: #agree ship it\nalice: #accept the plan\nalice: #rejected the rewrite\nbob: #agreed bob decides",
        "AGREED ship it | ACCEPTED the plan | REJECTED the rewrite")]
    // 0.1.4's do_reject is missing (do_rejected = do_rejected): #reject does nothing; later dialects fixed it.
    [InlineData(MeetbotDialect.Meetbot014, "alice: #reject the rewrite", "")]
    [InlineData(MeetbotDialect.OpenStack, "alice: #reject the rewrite", "REJECTED the rewrite")]
    [InlineData(MeetbotDialect.Meetingology, "alice: #reject the rewrite", "REJECTED the rewrite")]
    // Topics are chair-only, chair checks are case-sensitive.
    [InlineData(MeetbotDialect.Meetbot014, "bob: #topic bob's topic\nAlice: #topic wrong case\nalice: #topic Budget", "TOPIC Budget")]
    // #chair makes a chair; #unchair takes it back.
    [InlineData(MeetbotDialect.Meetbot014, "alice: #chair bob, carol\nbob: #topic by bob\nalice: #unchair bob\nbob: #topic again by bob\ncarol: #topic by carol",
        "TOPIC by bob | TOPIC by carol")]
    // #undo removes the last minutes entry of any kind, topics included; only chairs may undo.
    [InlineData(MeetbotDialect.Meetbot014, "alice: #topic One\nbob: #info kept\nalice: #topic Two\nalice: #undo\nbob: #undo\nbob: #info after",
        "TOPIC One | INFO kept | INFO after")]
    [InlineData(MeetbotDialect.OpenStack, "bob: #info first\nbob: #info second\nalice: #undo\nalice: #undo\nalice: #undo", "")]
    // Commands only at the very start of a message; unknown words and typos do nothing.
    [InlineData(MeetbotDialect.Meetbot014, "alice: #opic typo\nbob: we agreed #action bob to ship\nbob: #info: colon is text", "INFO : colon is text")]
    // /me lines never run commands, including the literal-ACTION rule's lines.
    [InlineData(MeetbotDialect.Meetbot014, "* alice #topic from an emote\nbob: ACTION #info not a command", "")]
    // Bare links: only a line whose text before the first "//" is exactly a protocol.
    [InlineData(MeetbotDialect.Meetbot014, "bob: https://example.org/spec\nbob: see https://example.org/x\nbob: mailto://ops@example.org\nbob: HTTP://shout.example",
        "LINK https://example.org/spec | LINK mailto://ops@example.org")]
    // The meeting bot's own lines are logged, never executed.
    [InlineData(MeetbotDialect.Meetbot014, "zodbot: #info from the bot\nzodbot: http://bot.example/link", "")]
    // meetingology: MootBot's [TOPIC] syntax, #subtopic/#progress, #done; chair-only like #topic.
    [InlineData(MeetbotDialect.Meetingology, "alice: [TOPIC] Reviews\nalice: [action] bob to review\nalice: #subtopic first pass\nalice: #progress second pass\nalice: #done reviewed\nbob: #done not a chair",
        "TOPIC Reviews | ACTION bob to review | SUBTOPIC first pass | SUBTOPIC second pass | DONE reviewed")]
    [InlineData(MeetbotDialect.Meetingology, "alice: [topic]no space\nalice: #topic: colon", "")]
    [InlineData(MeetbotDialect.Meetbot014, "alice: [TOPIC] not in 0.1.4\nalice: #subtopic nor this", "")]
    public void Replays_commands_as_MeetBot(MeetbotDialect dialect, string body, string expected)
    {
        var meeting = Run(dialect, body);

        Assert.Equal(expected, Minutes(meeting));
        Assert.Equal(dialect, meeting.Dialect);
    }

    [Theory]
    [InlineData(MeetbotDialect.Meetbot014, "bob: #link Board: https://example.org/board", "Board:", "Board: https://example.org/board")]
    [InlineData(MeetbotDialect.Meetingology, "bob: #link Board: https://example.org/board", "Board:", "Board: https://example.org/board")]
    [InlineData(MeetbotDialect.OpenStack, "bob: #link Board: https://example.org/board.", "https://example.org/board", "Board: https://example.org/board.")]
    [InlineData(MeetbotDialect.OpenStack, "bob: #link (see https://example.org/a_(b)) ok", "https://example.org/a_(b", "(see https://example.org/a_(b)) ok")]
    [InlineData(MeetbotDialect.OpenStack, "bob: #link no url here", "no", "no url here")]
    [InlineData(MeetbotDialect.Meetbot014, "bob: https://example.org/x and more", "https://example.org/x", "https://example.org/x and more")]
    public void Links_take_the_url_each_dialect_takes(MeetbotDialect dialect, string body, string url, string text)
    {
        var link = Assert.Single(Run(dialect, body).Items);

        Assert.Equal(ItemKind.Link, link.Kind);
        Assert.Equal(url, link.Url);
        Assert.Equal(text, link.Text);
    }

    [Fact]
    public void Items_point_at_their_topic_and_line()
    {
        var meeting = Run(MeetbotDialect.Meetbot014, "bob: #info before any topic\nalice: #topic One\nbob: #info under one\nalice: #topic Two\nalice: #undo\nbob: #info still under one");

        Assert.Equal([null, 0, 0], meeting.Items.Select(i => i.TopicIndex));
        Assert.Equal([7, 9, 12], meeting.Items.Select(i => i.Line));
        Assert.Equal(new DateTimeOffset(2020, 6, 10, 14, 10, 22, TimeSpan.Zero), meeting.Items[1].Time);
        var topic = Assert.Single(meeting.Topics);
        Assert.Equal(("One", "alice", 8), (topic.Title, topic.Nick, topic.Line));
    }

    [Fact]
    public void Control_codes_stay_in_the_model_text()
    {
        var meeting = Run(MeetbotDialect.Meetbot014, "alice: #topic \u0002Bold\u0002 \u000304red\u0003\nbob: #info \u001ditalic\u001d");

        Assert.Equal("\u0002Bold\u0002 \u000304red\u0003", meeting.Topics[0].Title);
        Assert.Equal("\u001ditalic\u001d", meeting.Items[0].Text);
    }
}
