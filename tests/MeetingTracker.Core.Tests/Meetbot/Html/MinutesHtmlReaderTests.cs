using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Html;
using static MeetingTracker.Core.Tests.Meetbot.Html.MinutesHtmlFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Html;

/// <summary>Reading HTML2 minutes: MeetBot's item markup, its 72-column wrapping inside tags, and the by-person quirks.</summary>
public sealed class MinutesHtmlReaderTests
{
    private static readonly MeetingFileName? Name = MeetingFileName.TryParse("fedora-meeting/2020-06-10/" + FileName);

    // Written as MeetBot 0.1.4 writes it: sub-items filled at 72 columns, even inside tags and attributes.
    private const string Summary = """
        <li>
        <ol type="a">
          <li><span class="INFO">agenda &amp; notes at &lt;wiki&gt; for caf&#233;
            &#8212; gr&uuml;&szlig;e</span> <span class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-3'>alice</a>, 14:10:20)</span></li>
        </ol>
        <br></li>
        <li><b class="TOPIC">Mirrors &amp; proxies</b> <span class="details">(<a href='team.2020-06-10-14.10.log.html#l-5'>alice</a>, 14:10:30)</span>
        <ol type="a">
          <li><a href="Board:">Board:</a>
            https://teams.example.org/project/board <span class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-6'>alice</a>,
            14:10:40)</span></li>
          <li><i class="itemtype">ACTION</i>: <span class="ACTION">bob to fix the
            mirror before the release</span> <span class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-8'>alice</a>,
            14:11:40)</span></li>
          <li><i class="itemtype">ACCEPTED</i>: <span class="ACCEPTED"><font
            color="green">proxy plan</font></span> <span class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-9'>alice</a>,
            14:12:00)</span></li>
          <li><i class="itemtype">REJECTED</i>: <span class="REJECTED"><font
            color="red">mirror in the cloud</font></span> <span
            class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-10'>alice</a>,
            14:12:30)</span></li>
        </ol>
        <br></li>
        <li><b class="TOPIC">Open floor</b> <span class="details">(<a href='team.2020-06-10-14.10.log.html#l-12'>alice</a>, 14:15:00)</span>
        <ol type="a">
          <li><i class="itemtype">AGREED</i>: <span class="AGREED">meet again next
            week</span> <span class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-13'>alice</a>,
            14:16:00)</span></li>
          <li><i class="itemtype">ACTION</i>: <span class="ACTION">alice and bob
            to write it up</span> <span class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-14'>bob</a>,
            14:17:00)</span></li>
          <li><a href="https://example.org/x?a=1&amp;b=2">https://example.org/x?a=1&amp;b=2</a>
             <span class="details">(<a
            href='team.2020-06-10-14.10.log.html#l-15'>bob</a>,
            14:18:00)</span></li>
        </ol>
        </li>
        """;

    [Fact]
    public void Reads_a_wrapped_0_1_4_page()
    {
        var byPerson = Person("alice", "alice and bob to write it up") + "\n" + Person("bob", "bob to fix the mirror before the release", "alice and bob to write it up");

        var m = MinutesHtmlReader.Read(Bytes(Page("#fedora-meeting: Team sync", Summary, byPerson)), Name);

        Assert.Equal((MeetbotFormat.MinutesHtml, MeetbotDialect.Meetbot014), (m.Format, m.Dialect));
        Assert.Equal(("#fedora-meeting", "Team sync", "alice"), (m.Channel, m.Title, m.StartedBy));
        Assert.Equal((At(14, 10, 12), At(14, 19, 29), true), (m.StartedAt, m.EndedAt, m.IsComplete));
        Assert.Equal(
            [new Topic("Mirrors & proxies", "alice", At(14, 10, 30), 5), new Topic("Open floor", "alice", At(14, 15, 0), 12)],
            m.Topics);
        Assert.Equal(
            [
                (ItemKind.Info, "agenda & notes at <wiki> for café — grüße", "alice", At(14, 10, 20), 3, (int?)null, (string?)null),
                (ItemKind.Link, "Board: https://teams.example.org/project/board", "alice", At(14, 10, 40), 6, 0, "Board:"),
                (ItemKind.Action, "bob to fix the mirror before the release", "alice", At(14, 11, 40), 8, 0, null),
                (ItemKind.Accepted, "proxy plan", "alice", At(14, 12, 0), 9, 0, null),
                (ItemKind.Rejected, "mirror in the cloud", "alice", At(14, 12, 30), 10, 0, null),
                (ItemKind.Agreed, "meet again next week", "alice", At(14, 16, 0), 13, 1, null),
                (ItemKind.Action, "alice and bob to write it up", "bob", At(14, 17, 0), 14, 1, null),
                (ItemKind.Link, "https://example.org/x?a=1&b=2", "bob", At(14, 18, 0), 15, 1, "https://example.org/x?a=1&b=2"),
            ],
            m.Items.Select(i => (i.Kind, i.Text, i.Nick, i.Time, i.Line ?? 0, i.TopicIndex, i.Url)));
        Assert.Equal([["bob"], ["alice", "bob"]], m.Items.Where(i => i.Kind == ItemKind.Action).Select(i => i.Assignees));
        Assert.Equal([["bob"], ["alice", "bob"]], m.Items.Where(i => i.Kind == ItemKind.Action).Select(i => i.Owners));
        Assert.Equal([new Attendee("alice", 10), new Attendee("bob", 3)], m.People);
        Assert.Empty(m.Warnings);
    }

    public static TheoryData<string, string?, string[][]> ByPersonSections => new()
    {
        // Nothing assigned: MeetBot leaves the whole section out.
        { "no section", null, [[], []] },
        // One unassigned action: MeetBot prints UNASSIGNED only for two or more, so it is in no list at all.
        { "single unassigned omitted", Person("bob", "bob to fix it"), [["bob"], []] },
        { "unassigned block", Person("bob", "bob to fix it") + "\n" + Unassigned("someone to write docs", "carol to test"), [["bob"], []] },
        { "empty person list", "", [[], []] },
    };

    [Theory]
    [MemberData(nameof(ByPersonSections))]
    public void Maps_by_person_lists_onto_the_summary(string rule, string? byPerson, string[][] assignees)
    {
        var summary = TopicLi("Work", "alice", "14:11:00", 4) + SubList(
            Item("ACTION", "bob to fix it", "alice", "14:11:40", 5),
            Item("ACTION", "someone to write docs", "alice", "14:12:00", 6));

        var m = MinutesHtmlReader.Read(Bytes(Page("#team: " + rule, summary, byPerson)), Name);

        Assert.Equal(rule, m.Title);
        Assert.Equal(assignees, m.Items.Select(i => i.Assignees.ToArray()));
    }

    [Fact]
    public void Repeated_action_texts_map_in_order()
    {
        var summary = TopicLi("Work", "alice", "14:11:00", 4) + SubList(
            Item("ACTION", "bob: ping upstream", "alice", "14:11:40", 5),
            Item("ACTION", "carol to review", "alice", "14:11:50", 6),
            Item("ACTION", "bob: ping upstream", "alice", "14:12:00", 7));
        var byPerson = Person("bob", "bob: ping upstream", "bob: ping upstream") + "\n" + Person("carol", "carol to review");

        var m = MinutesHtmlReader.Read(Bytes(Page("#team: Sync", summary, byPerson)), Name);

        Assert.Equal([["bob"], ["carol"], ["bob"]], m.Items.Select(i => i.Assignees.ToArray()));
    }

    [Fact]
    public void A_by_person_entry_missing_from_the_summary_is_a_warning()
    {
        var summary = TopicLi("Work", "alice", "14:11:00", 4) + SubList(Item("ACTION", "bob to fix it", "alice", "14:11:40", 5));

        var m = MinutesHtmlReader.Read(Bytes(Page("#team: Sync", summary, Person("bob", "bob to fix it", "bob to do more"))), Name);

        Assert.Equal(["bob"], m.Items[0].Assignees);
        Assert.Contains("'Action items, by person' lists 'bob to do more' under bob, but no such action is in the summary", m.Warnings);
    }

    private static DateTimeOffset At(int h, int m, int s, int day = 10) => new(2020, 6, day, h, m, s, TimeSpan.Zero);
}
