using MeetingTracker.Core.Meetbot;
using static MeetingTracker.Core.Tests.Meetbot.Replay.ReplayFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>"People present (lines said)", chairs and action attribution, counted as MeetBot counts them.</summary>
public sealed class PeopleAndChairsTests
{
    [Theory]
    // Every meeting line counts for its speaker, the bot and the #startmeeting/#endmeeting lines included.
    [InlineData("bob: hi\n* bob waves\nBob: separate person", "alice(2) MeetBot(2) bob(2) Bob(1)")]
    // #chair and #nick targets appear with 0 lines; speaking later adds to them.
    [InlineData("alice: #chair carol dave\nbob: #nick erin, frank\ncarol: here", "alice(3) MeetBot(2) carol(1) bob(1) dave(0) erin(0) frank(0)")]
    // Non-chair #chair adds nobody; the literal-ACTION line is one emote line of its speaker.
    [InlineData("bob: #chair mallory\nbob: ACTION waves", "alice(2) MeetBot(2) bob(2)")]
    public void Counts_people_as_MeetBot(string body, string expected)
    {
        var meeting = Read(Log(Debian, body));

        Assert.Equal(expected, People(meeting));
    }

    [Fact]
    public void Chairs_are_the_owner_plus_chaired_nicks_sorted_as_MeetBot_prints_them()
    {
        var meeting = Run(MeetbotDialect.Meetbot014, "alice: #chair zed, Bob carol\nalice: #unchair carol alice\nbob: #chair eve");

        Assert.Equal(["Bob", "alice", "zed"], meeting.Chairs);
        Assert.Equal("alice", meeting.StartedBy);
    }

    [Fact]
    public void The_literal_ACTION_rule_stores_an_emote_line()
    {
        var meeting = Run(MeetbotDialect.Meetbot014, "bob: ACTIONS rock");

        var line = meeting.Lines[6];
        Assert.True(line.IsEmote);
        Assert.Equal(("bob", "rock"), (line.Nick, line.Text));
    }

    [Theory]
    // 0.1.4: case-sensitive substring over attendees (bot, #chair and #nick targets included), sorted case-insensitively.
    [InlineData(MeetbotDialect.Meetbot014, "bobby and Carol to review zodbot", "bob zodbot", "carol")]
    // Later dialects: whole word, any case.
    [InlineData(MeetbotDialect.OpenStack, "bobby and Carol to review openstack", "carol openstack", "carol")]
    [InlineData(MeetbotDialect.Meetingology, "erin to write, frank to read", "erin", "frank_ erin")]
    public void Attributes_actions_both_ways(MeetbotDialect dialect, string action, string published, string owners)
    {
        // carol only speaks; dave is chaired but silent; erin is #nick'd; frank_ speaks as "frank_".
        var meeting = Run(dialect, $"alice: #chair dave\nbob: hi\ncarol: hi\nfrank_: hi\nalice: #nick erin\nbob: #action {action}");

        var item = Assert.Single(meeting.Items);
        Assert.Equal(published, string.Join(' ', item.Assignees));
        Assert.Equal(owners, string.Join(' ', item.Owners));
    }

    [Fact]
    public void Only_actions_carry_attribution()
    {
        var meeting = Run(MeetbotDialect.Meetbot014, "bob: #info bob did it\nbob: #idea bob could");

        Assert.All(meeting.Items, i => Assert.Empty(i.Assignees));
        Assert.All(meeting.Items, i => Assert.Empty(i.Owners));
    }
}
