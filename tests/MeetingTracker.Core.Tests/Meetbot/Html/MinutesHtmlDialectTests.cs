using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Html;
using static MeetingTracker.Core.Tests.Meetbot.Html.MinutesHtmlFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Html;

/// <summary>Minutes pages of the forks: meetingology, OpenStack, the Matrix bot, and hcoop-meetbot (not MeetBot).</summary>
public sealed class MinutesHtmlDialectTests
{
    private static readonly MeetingFileName? Name = MeetingFileName.TryParse(FileName);

    [Fact]
    public void Meetingology_links_the_time_and_prints_HH_MM()
    {
        const string Summary = """
            <li><b class="TOPIC">PPU changes</b> <span class="details">(ScottK, <a href='x.log.html#l-5'>15:07</a>)</span>
            <ol type="a">
              <li><i class="itemtype">SUBTOPIC</i>: <span class="SUBTOPIC">seeds</span>
                <span class="details">(ScottK, <a href='x.log.html#l-6'>15:08</a>)</span></li>
              <li><i class="itemtype">DONE</i>: <span class="DONE">old ppu list</span>
                <span class="details">(barry, <a href='x.log.html#l-9'>15:09</a>)</span></li>
            </ol>
            </li>
            """;

        var m = MinutesHtmlReader.Read(Bytes(Page("#ubuntu-meeting Meeting", Summary, footer: "<a href=\"https://wiki.ubuntu.com/meetingology\">MeetBot</a> 0.4.0")), Name);

        Assert.Equal((MeetbotDialect.Meetingology, "#ubuntu-meeting", (string?)null), (m.Dialect, m.Channel, m.Title));
        Assert.Equal(new Topic("PPU changes", "ScottK", new DateTimeOffset(2020, 6, 10, 15, 7, 0, TimeSpan.Zero), 5), Assert.Single(m.Topics));
        Assert.Equal(
            [(ItemKind.Subtopic, "seeds", "ScottK", 6), (ItemKind.Done, "old ppu list", "barry", 9)],
            m.Items.Select(i => (i.Kind, i.Text, i.Nick, i.Line ?? 0)));
    }

    [Fact]
    public void A_vote_tells_OpenStack_and_its_links_keep_prefix_and_suffix()
    {
        var summary = BareTopic("Release", "alice", "14:11:00", 4) + SubList(
            Item("VOTE", "Voted on &quot;Ship it?&quot; Results are, Yes: 3, No: 1", "alice", "14:12:00", 8),
            "  <li>see <a href=\"https://example.org/plan\">https://example.org/plan</a> for details <span class=\"details\">(<a href='x.log.html#l-9'>bob</a>, 14:13:00)</span></li>");

        var m = MinutesHtmlReader.Read(Bytes(Page("#openstack-meeting: Release", summary)), Name);

        Assert.Equal(MeetbotDialect.OpenStack, m.Dialect);
        Assert.Equal(
            [(ItemKind.Vote, "Voted on \"Ship it?\" Results are, Yes: 3, No: 1", null), (ItemKind.Link, "see https://example.org/plan for details", "https://example.org/plan")],
            m.Items.Select(i => (i.Kind, i.Text, i.Url)));
    }

    [Fact]
    public void Reads_the_Matrix_bots_minutes()
    {
        const string Page = """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
            <!--from OG meetbot will change and cleanup-->
            <html><head><title>#meeting:fedoraproject.org: fedora-qa</title></head>
            <body>
                <h1>#meeting:fedoraproject.org: fedora-qa</h1>
                <span class="details">Meeting started by @adamw:fedora.im at 2024-01-08 16:01:02</span>
                <br><br>
                <h3>Meeting summary</h3>
                <ol>
                        <li>INFO: agenda at https://qa.example.org (@adamw:fedora.im, 16:01:30)</li>
                        <li><b>TOPIC:</b><b class="TOPIC">Blockers</b> <span class="details">(@adamw:fedora.im, 16:02:00)</span></li>
                        <ol type="a">
                        <li>ACTION: kparal to retest (@adamw:fedora.im, 16:10:00)</li>
                        </ol>
                        <li>TOPIC: Open floor (@adamw:fedora.im, 16:20:00)</li>
                        <ol type="a">
                        <li>AGREED: ship it (@lruzicka:fedora.im, 16:25:00)</li>
                        </ol>
                </ol>
                <span class="details">Meeting ended at 2024-01-08 16:30:00</span>
            <h3>Action items</h3>
            <ol>
                    <li>kparal to retest</li>
            </ol>
            <h3>People present (lines said)</h3>
            <ol>
            <li>@adamw:fedora.im (40)</li>
            <li>@meetbot:fedora.im (3)</li>
            </ol>
            </body></html>
            """;

        var m = MinutesHtmlReader.Read(Bytes(Page), MeetingFileName.TryParse("meeting_matrix_fedoraproject-org/2024-01-08/fedora-qa.2024-01-08-16.01.html"));

        Assert.Equal((MeetbotDialect.Matrix, "#meeting:fedoraproject.org", "fedora-qa", "@adamw:fedora.im"), (m.Dialect, m.Channel, m.Title, m.StartedBy));
        Assert.Equal(["Blockers", "Open floor"], m.Topics.Select(t => t.Title));
        Assert.Equal(
            [(ItemKind.Info, "agenda at https://qa.example.org", (int?)null), (ItemKind.Action, "kparal to retest", 0), (ItemKind.Agreed, "ship it", 1)],
            m.Items.Select(i => (i.Kind, i.Text, i.TopicIndex)));
        Assert.Equal("@lruzicka:fedora.im", m.Items[2].Nick);
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 16, 30, 0, TimeSpan.Zero), m.EndedAt);
        Assert.Equal([new Attendee("@adamw:fedora.im", 40), new Attendee("@meetbot:fedora.im", 3)], m.People);
    }

    [Fact]
    public void Reads_hcoop_meetbot_minutes_best_effort_with_a_warning()
    {
        const string Page = """
            <html><head><title>#lightning-dev Minutes</title></head><body>
                <h1>#lightning-dev Minutes</h1>
                <div>
                    <span class="details">Meeting started by t-bast at 2022-01-03 19:05:36+0000 (<a href="x.log.html">full logs</a>).</span>
                    <h3>Meeting Summary</h3>
                    <ol class="decimal">
                        <li>
                            <span class="topic">Warning messages</span>
                            <span class="details">(<a href="x.log.html#524906b1">t-bast</a>, 19:05:51)</span>
                            <ol class="latin">
                                <li>
                                    <span class="event">ACTION: </span>
                                    <span class="ACTION">rusty to validate the test vector</span>
                                    <span class="details">(<a href="x.log.html#28570b33">rusty</a>, 20:14:14)</span>
                                </li>
                            </ol>
                        </li>
                    </ol>
                    <span class="details">Meeting ended at 2022-01-17 18:52:53+0000 (<a href="x.log.html">full logs</a>).</span>
                    <h3>Attendees</h3>
                    <ol class="decimal"><li>rusty - 3 lines</li><li>t-bast - 9 lines</li></ol>
                    <h3>Action Items by Attendee</h3>
                    <ul><li>rusty<ol><li>rusty to validate the test vector</li></ol></li></ul>
                </div>
            </body></html>
            """;

        var m = MinutesHtmlReader.Read(Bytes(Page), MeetingFileName.TryParse("20220103-1905.html"));

        Assert.Equal((MeetbotDialect.Unknown, "#lightning-dev"), (m.Dialect, m.Channel));
        Assert.Equal(new Topic("Warning messages", "t-bast", new DateTimeOffset(2022, 1, 3, 19, 5, 51, TimeSpan.Zero), null), Assert.Single(m.Topics));
        var action = Assert.Single(m.Items);
        Assert.Equal((ItemKind.Action, "rusty to validate the test vector", "rusty", (int?)null), (action.Kind, action.Text, action.Nick, action.Line));
        Assert.Equal(["rusty"], action.Assignees);
        Assert.Equal(new DateTimeOffset(2022, 1, 17, 18, 52, 53, TimeSpan.Zero), m.EndedAt);
        Assert.Equal([new Attendee("rusty", 3), new Attendee("t-bast", 9)], m.People);
        Assert.Contains(m.Warnings, w => w.StartsWith("not MeetBot's minutes (hcoop-meetbot layout", StringComparison.Ordinal));
    }

    [Fact]
    public void Times_roll_over_midnight_and_a_nameless_file_is_dated_1970()
    {
        var summary = TopicLi("Late", "alice", "23:55:00", 4) + SubList(Item("ACTION", "bob to sleep", "alice", "00:05:00", 5));

        var m = MinutesHtmlReader.Read(Bytes(Page("#team: Night", summary, end: "00:10:00").Replace("14:10:12", "23:50:00", StringComparison.Ordinal)), null);

        Assert.Equal(new DateTimeOffset(1970, 1, 1, 23, 55, 0, TimeSpan.Zero), m.Topics[0].Time);
        Assert.Equal(new DateTimeOffset(1970, 1, 2, 0, 5, 0, TimeSpan.Zero), m.Items[0].Time);
        Assert.Equal(new DateTimeOffset(1970, 1, 2, 0, 10, 0, TimeSpan.Zero), m.EndedAt);
        Assert.Contains("the file name carries no date: times are dated 1970-01-01", m.Warnings);
    }
}
