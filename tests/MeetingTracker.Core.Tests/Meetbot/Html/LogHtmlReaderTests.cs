using System.Text;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Html;
using MeetingTracker.Core.Meetbot.Replay;
using static MeetingTracker.Core.Tests.Meetbot.Html.LogHtmlFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Html;

/// <summary>Reading .log.html: every line shape rebuilt to the text .log.txt has, then replayed like it.</summary>
public sealed class LogHtmlReaderTests
{
    public static TheoryData<string, string, string, bool> LineShapes => new()
    {
        { Line(1, "14:10:12", "alice", "plain words"), "alice", "plain words", false },
        { Line(1, "14:10:12", "alice", Cmd("#startmeeting", "Team sync")), "alice", "#startmeeting Team sync", false },
        { Line(1, "14:10:12", "alice", "<span class=\"cmd\">#endmeeting</span><span class=\"cmdline\"></span>"), "alice", "#endmeeting", false },
        { Line(1, "14:10:12", "alice", Topic("Mirrors &amp; proxies")), "alice", "#topic Mirrors & proxies", false },
        { Line(1, "14:10:12", "alice", "<span class=\"hi\">bob:</span> a &lt;b&gt; tag &amp;amp;"), "alice", "bob: a <b> tag &amp;", false },
        { Line(1, "14:10:12", "j\u00f6ran", "gr\u00fc\u00dfe \u2713"), "j\u00f6ran", "gr\u00fc\u00dfe \u2713", false },
        { Line(1, "14:10:12", "bob", "\u0002bold\u000f and \u000304colour"), "bob", "\u0002bold\u000f and \u000304colour", false },
        { Emote(1, "14:11:02", "kushal", "waves at &lt;everyone&gt;"), "kushal", "waves at <everyone>", true },
        { Emote(1, "14:11:02", "kushal", "waves", href: true), "kushal", "waves", true },
        { Linked(1, "14:10", "Laney", Cmd("#startmeeting", "DMB")), "Laney", "#startmeeting DMB", false },
    };

    [Theory]
    [MemberData(nameof(LineShapes))]
    public void Rebuilds_each_line_as_the_log_txt_has_it(string line, string nick, string text, bool emote)
    {
        var log = LogHtmlReader.Extract(Encoding.UTF8.GetString(Page("#team log", line)), MeetingFileName.TryParse(FileName), []);

        var only = Assert.Single(log.Lines);
        Assert.Equal((1, nick, text, emote), (only.Number, only.Nick, only.Text, only.IsEmote));
        Assert.Equal("#team", log.Channel);
    }

    [Fact]
    public void Reads_the_same_meeting_as_the_log_txt()
    {
        const string Txt = """
            14:10:12 <alice> #startmeeting Team sync
            14:10:12 <MeetBot> Meeting started Wed Jun 10 14:10:12 2020 UTC.  The chair is alice. Information about MeetBot at http://wiki.debian.org/MeetBot.
            14:10:30 <alice> #topic Mirrors & <proxies>
            14:11:02 * bob waves
            14:11:40 <alice> #action bob to fix the mirror
            14:12:00 <bob> https://example.org/mirror status page
            14:13:00 <carol> alice: ünïcode &amp; friends
            23:59:59 <alice> #info late
            00:00:05 <alice> #endmeeting
            """;
        var html = Page(
            "#team log",
            Line(1, "14:10:12", "alice", Cmd("#startmeeting", "Team sync")),
            Line(2, "14:10:12", "MeetBot", "Meeting started Wed Jun 10 14:10:12 2020 UTC.  The chair is alice. Information about MeetBot at http://wiki.debian.org/MeetBot."),
            Line(3, "14:10:30", "alice", Topic("Mirrors &amp; &lt;proxies&gt;")),
            Emote(4, "14:11:02", "bob", "waves"),
            Line(5, "14:11:40", "alice", Cmd("#action", "bob to fix the mirror")),
            Line(6, "14:12:00", "bob", "https://example.org/mirror status page"),
            Line(7, "14:13:00", "carol", "<span class=\"hi\">alice:</span> ünïcode &amp;amp; friends"),
            Line(8, "23:59:59", "alice", Cmd("#info", "late")),
            Line(9, "00:00:05", "alice", "<span class=\"cmd\">#endmeeting</span><span class=\"cmdline\"></span>"));

        var fromTxt = LogTxtReader.Read(Encoding.UTF8.GetBytes(Txt), MeetingFileName.TryParse("team.2020-06-10-14.10.log.txt"));
        var fromHtml = LogHtmlReader.Read(html, MeetingFileName.TryParse(FileName));

        Assert.Equal(fromTxt.Lines, fromHtml.Lines);
        Assert.Equal(9, fromHtml.LineCount);
        Assert.Equal(fromTxt.Topics, fromHtml.Topics);
        Assert.Equal(fromTxt.Items.Select(i => (i.Kind, i.Text, i.Line, i.Url)), fromHtml.Items.Select(i => (i.Kind, i.Text, i.Line, i.Url)));
        Assert.Equal(fromTxt.People, fromHtml.People);
        Assert.Equal((MeetbotFormat.LogHtml, "#team"), (fromHtml.Format, fromHtml.Channel));
        Assert.Equal(new DateTimeOffset(2020, 6, 11, 0, 0, 5, TimeSpan.Zero), fromHtml.EndedAt);
    }

    public static TheoryData<string[], MeetbotDialect> Hints => new()
    {
        { [Line(1, "14:10:12", "a", "x"), Emote(2, "14:10:13", "b", "y")], MeetbotDialect.Unknown },
        { [Linked(1, "14:10:12", "a", "x"), Emote(2, "14:10:13", "b", "y", href: true)], MeetbotDialect.OpenStack },
        { [Linked(1, "14:10:12", "a", "x"), Linked(2, "14:10:13", "b", "y")], MeetbotDialect.OpenStack },
        { [Linked(1, "14:10:12", "a", "x"), Emote(2, "14:10:13", "b", "y")], MeetbotDialect.Meetingology },
        { [Linked(1, "14:10", "a", "x"), Linked(2, "14:11", "b", "y")], MeetbotDialect.Meetingology },
    };

    [Theory]
    [MemberData(nameof(Hints))]
    public void Anchor_markup_hints_the_dialect(string[] lines, MeetbotDialect hint) =>
        Assert.Equal(hint, LogHtmlReader.Extract(Encoding.UTF8.GetString(Page("#t log", lines)), null, []).Hint);

    [Fact]
    public void Reads_Matrix_rows()
    {
        var page = MatrixPage(
            "#meeting:fedoraproject.org",
            MatrixRow(1, "16:01:02", "@alice:fedora.im", "!startmeeting QA", "startmeeting"),
            MatrixRow(2, "16:01:30", "@bob:fedora.im", "hello &amp; &lt;welcome&gt;"),
            MatrixRow(3, "16:05:00", "@alice:fedora.im", "!endmeeting", "endmeeting"));

        var log = LogHtmlReader.Extract(Encoding.UTF8.GetString(page), MeetingFileName.TryParse("qa.2024-01-08-16.01.log.html"), []);

        Assert.Equal(MeetbotDialect.Matrix, log.Hint);
        Assert.Equal("#meeting:fedoraproject.org", log.Channel);
        Assert.Equal(
            [(1, "@alice:fedora.im", "!startmeeting QA"), (2, "@bob:fedora.im", "hello & <welcome>"), (3, "@alice:fedora.im", "!endmeeting")],
            log.Lines.Select(l => (l.Number, l.Nick, l.Text)));
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 16, 1, 30, TimeSpan.Zero), log.Lines[1].Time);
    }

    [Fact]
    public void Numbers_lines_by_their_anchors_and_warns_on_gaps()
    {
        var warnings = new List<string>();
        var log = LogHtmlReader.Extract(Encoding.UTF8.GetString(Page("#t log", Line(1, "14:00:00", "a", "x"), Line(2, "14:00:01", "a", "y"), Line(5, "14:00:02", "a", "z"))), null, warnings);

        Assert.Equal([1, 2, 5], log.Lines.Select(l => l.Number));
        Assert.Contains("line anchors are not consecutive: l-2 then l-5", warnings);
    }

    [Fact]
    public void Another_bots_anchors_are_numbered_by_position()
    {
        const string Hcoop = """
            <html><head><title>#lightning-dev Log</title></head><body><pre>
            <a name="8f11de4f"></a><span class="tm">19:05:36</span> <span class="nk">&lt;t-bast&gt;</span> <span><span class="cmd">#startmeeting </span><span class="cmdline"><span>LN Spec</span></span></span>
            <a name="4c7115ce"></a><span class="tm">19:05:40</span> <span class="nk">&lt;rusty&gt;</span> <span><span>Done</span></span>
            </pre></body></html>
            """;
        var warnings = new List<string>();

        var log = LogHtmlReader.Extract(Hcoop, null, warnings);

        Assert.Equal([(1, "t-bast", "#startmeeting LN Spec"), (2, "rusty", "Done")], log.Lines.Select(l => (l.Number, l.Nick, l.Text)));
        Assert.Equal("#lightning-dev", log.Channel);
        Assert.Contains(warnings, w => w.StartsWith("line anchors are not MeetBot's l-N", StringComparison.Ordinal));
    }

    [Fact]
    public void Clock_quirks_warn_in_the_log_txt_readers_words()
    {
        var warnings = new List<string>();
        var page = Page("#t log", Line(1, "19:54:02", "a", "x"), Line(2, "18:03:01", "a", "y"), "<a name=\"l-3\"></a><span class=\"nk\">&lt;b&gt;</span> no time");

        var log = LogHtmlReader.Extract(Encoding.UTF8.GetString(page), MeetingFileName.TryParse(FileName), warnings);

        Assert.Equal([10, 10, 10], log.Lines.Select(l => l.Time.Day));
        Assert.Contains("1 line(s) go back in time by less than half a day: kept on the same day, not read as midnight", warnings);
        Assert.Contains("1 line(s) carry no time and were given the time of the line before", warnings);
    }
}
