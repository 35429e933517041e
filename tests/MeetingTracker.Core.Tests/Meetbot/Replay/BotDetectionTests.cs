using System.Text;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Tests.Meetings;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>The bot is the nick that behaves as the bot (it answers #startmeeting), whatever its name.</summary>
public sealed class BotDetectionTests
{
    [Fact]
    public void A_bot_no_list_holds_is_the_meetings_bot_and_keeps_its_lines_in_MeetBots_people()
    {
        var m = Read(BotFixture.Log, BotFixture.LogPath);

        Assert.Equal([BotFixture.Bot], m.Bots);
        Assert.Contains(new Attendee(BotFixture.Bot, 2), m.People);
    }

    [Fact]
    public void The_bot_owns_nothing_but_MeetBots_published_assignees_keep_it()
    {
        var m = Read(BotFixture.Log, BotFixture.LogPath);

        var action = m.Items.Single(i => i.Text == "brokerbot to post the minutes");
        Assert.Equal([BotFixture.Bot], action.Assignees);
        Assert.Empty(action.Owners);
        Assert.Equal(["carol"], m.Items.Single(i => i.Text == "carol to tag the release").Owners);
    }

    [Fact]
    public void The_starter_saying_Meeting_started_is_not_a_bot()
    {
        const string log = """
            13:31:36 <jmrodri> #startmeeting broker weekly
            13:31:40 <jmrodri> Meeting started, everyone
            13:32:20 <jmrodri> #action carol to tag the release

            """;

        Assert.Empty(Read(log, BotFixture.LogPath).Bots);
    }

    [Fact]
    public void Moins_embedded_log_shows_its_bot()
    {
        const string moin = """
            == Meeting information ==

             * #ubuntu-meeting meeting, started by alice, 10 Jun at 14:10 &mdash; 14:12 UTC.
             * Full logs at https://example.org/ubuntu-meeting/2020/team.2020-06-10-14.10.log.html



            == Meeting summary ==

             * ''ACTION:'' ubot9 to post the minutes (alice, 14:11)



            == People present (lines said) ==

             * alice (3)
             * ubot9 (1)



            == Full log ==


             14:10 <alice> #startmeeting

             14:10 <ubot9> Meeting started at 14:10:12 UTC.  The chair is alice.  Information about MeetBot at https://wiki.ubuntu.com/meetingology

             14:11 <alice> #action ubot9 to post the minutes

             14:12 <alice> #endmeeting

            """;

        var m = Read(moin, "team.2020-06-10-14.10.moin.txt");

        Assert.Equal(["ubot9"], m.Bots);
        Assert.All(m.Items, i => Assert.Empty(i.Owners));
    }

    [Fact]
    public void Minutes_alone_cannot_show_the_bot()
    {
        var m = Read(BotFixture.Minutes, BotFixture.MinutesPath);

        Assert.Empty(m.Bots);
        Assert.Contains(new Attendee(BotFixture.Bot, 2), m.People);
    }

    private static ParsedMeeting Read(string text, string path)
    {
        var result = MeetbotReader.Read(Encoding.UTF8.GetBytes(text), path);
        Assert.True(result.Ok, result.Error);
        return result.Meeting!;
    }
}
