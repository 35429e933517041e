using System.Text;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.Core.Tests.Meetbot.Writing;

/// <summary>.log.txt (TextLog) and .log.html (HTMLlog2) line by line.</summary>
public sealed class LogWriterTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public void LogTxt_joins_lines_with_newlines_and_has_no_trailing_newline()
    {
        var meeting = new MeetingSketch("#dev", null, Day)
            .Say("15:00:00", "alice", "#startmeeting")
            .Me("15:00:05", "bob", "waves at everyone")
            .Say("15:00:09", "alice", "#endmeeting")
            .Build();

        var text = Encoding.UTF8.GetString(MeetbotWriter.Write(meeting, new WriterOptions())[MeetbotFormat.LogTxt]!.Content);

        Assert.Equal("15:00:00 <alice> #startmeeting\n15:00:05 * bob waves at everyone\n15:00:09 <alice> #endmeeting", text);
    }

    [Theory]
    [InlineData(false, "just talking", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> just talking")]
    [InlineData(false, "#topic Mirrors & <caches>", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> <span class=\"topic\">#topic </span><span class=\"topicline\">Mirrors &amp; &lt;caches&gt;</span>")]
    [InlineData(false, "#topics are case and prefix matched", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> <span class=\"topic\">#topic</span><span class=\"topicline\">s are case and prefix matched</span>")]
    [InlineData(false, "#TOPIC upper case is just a command", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> <span class=\"cmd\">#TOPIC </span><span class=\"cmdline\">upper case is just a command</span>")]
    [InlineData(false, "#endmeeting", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> <span class=\"cmd\">#endmeeting</span><span class=\"cmdline\"></span>")]
    [InlineData(false, "#opic typo still styled", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> <span class=\"cmd\">#opic </span><span class=\"cmdline\">typo still styled</span>")]
    [InlineData(false, "# not a command", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> # not a command")]
    [InlineData(false, "alice: see <this> & that", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> <span class=\"hi\">alice:</span> see &lt;this&gt; &amp; that")]
    [InlineData(false, "alice:no space is no highlight", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00</span><span class=\"nk\"> &lt;bob&gt;</span> alice:no space is no highlight")]
    [InlineData(true, "waves & <grins>", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00 </span><span class=\"nka\">* bob</span> <span class=\"ac\">waves &amp; &lt;grins&gt;</span>")]
    [InlineData(true, "", "<a name=\"l-1\"></a><span class=\"tm\">15:00:00 </span><span class=\"nka\">* bob</span> <span class=\"ac\"></span>")]
    public void LogHtml_marks_up_each_line_as_HTMLlog2(bool emote, string text, string expected)
    {
        var sketch = new MeetingSketch("#dev", null, Day);
        var meeting = (emote ? sketch.Me("15:00:00", "bob", text) : sketch.Say("15:00:00", "bob", text)).Build();

        Assert.Equal(expected, PreBlock(meeting, new WriterOptions()));
    }

    [Theory]
    [InlineData(false, "hello", "<a href=\"#l-1\" name=\"l-1\"><span class=\"tm\">15:00:00</span></a><span class=\"nk\"> &lt;bob&gt;</span> hello")]
    [InlineData(true, "nods", "<a href=\"#l-1\" name=\"l-1\"><span class=\"tm\">15:00:00 </span></a><span class=\"nka\">* bob</span> <span class=\"ac\">nods</span>")]
    public void LogHtml_with_OpenStack_timestamp_anchors(bool emote, string text, string expected)
    {
        var sketch = new MeetingSketch("#dev", null, Day);
        var meeting = (emote ? sketch.Me("15:00:00", "bob", text) : sketch.Say("15:00:00", "bob", text)).Build();

        Assert.Equal(expected, PreBlock(meeting, WriterOptions.For(MeetbotDialect.OpenStack)));
    }

    [Fact]
    public void LogHtml_page_has_escaped_channel_title_and_the_log_stylesheet()
    {
        var meeting = new MeetingSketch("#r&d", null, Day).Say("15:00:00", "bob", "hi").Say("15:00:01", "bob", "bye").Build();

        var html = Encoding.UTF8.GetString(MeetbotWriter.Write(meeting, new WriterOptions())[MeetbotFormat.LogHtml]!.Content);

        Assert.StartsWith("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>\n<head>\n<meta http-equiv=\"Content-type\" content=\"text/html;charset=UTF-8\">\n<title>#r&amp;d log</title>\n<style type=\"text/css\">\n/* For the .log.html */\n", html, StringComparison.Ordinal);
        Assert.Contains("body .cmdline  { font-weight: bold }\n\n</style>\n</head>\n\n<body>\n<pre><a name=\"l-1\"></a>", html, StringComparison.Ordinal);
        Assert.EndsWith("bye</pre>\n</body></html>\n", html, StringComparison.Ordinal);
        Assert.Contains("</span> hi\n<a name=\"l-2\"></a>", html, StringComparison.Ordinal);
    }

    private static string PreBlock(ParsedMeeting meeting, WriterOptions options)
    {
        var html = Encoding.UTF8.GetString(MeetbotWriter.Write(meeting, options)[MeetbotFormat.LogHtml]!.Content);
        var start = html.IndexOf("<pre>", StringComparison.Ordinal) + 5;
        return html[start..html.IndexOf("</pre>", StringComparison.Ordinal)];
    }
}
