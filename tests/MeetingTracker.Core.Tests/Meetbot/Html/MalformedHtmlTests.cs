using System.Text;
using MeetingTracker.Core.Meetbot;
using static MeetingTracker.Core.Tests.Meetbot.Html.LogHtmlFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Html;

/// <summary>Broken or foreign HTML: a best-effort meeting with warnings, or a clear reason; never another exception.</summary>
public sealed class MalformedHtmlTests
{
    private static readonly string[] Meeting =
    [
        Line(1, "14:10:12", "alice", Cmd("#startmeeting", "Team sync")),
        Line(2, "14:10:30", "alice", Topic("Mirrors")),
        Line(3, "14:11:40", "alice", Cmd("#action", "bob to fix the mirror")),
        Line(4, "14:19:29", "alice", "<span class=\"cmd\">#endmeeting</span><span class=\"cmdline\"></span>"),
    ];

    [Theory]
    [InlineData("<html><body><p>Nothing here</p></body></html>", "no log lines: the page has no l-N line anchors (not a MeetBot .log.html)")]
    [InlineData("<pre><a name=\"l-1\"></a>no time, no nick</pre>", "no log lines: none of the anchored lines reads as 'time <nick> text'")]
    [InlineData("", "file is empty")]
    public void A_page_without_log_lines_fails_with_its_reason(string html, string reason)
    {
        var result = MeetbotReader.Read(Encoding.UTF8.GetBytes(html), FileName);

        Assert.False(result.Ok);
        Assert.Equal(reason, result.Error);
    }

    [Fact]
    public void A_page_cut_mid_line_keeps_the_lines_before()
    {
        var bytes = Page("#team log", Meeting);
        var cut = Encoding.UTF8.GetString(bytes).IndexOf("bob to fix", StringComparison.Ordinal) + 3;

        var result = MeetbotReader.Read(bytes.AsSpan(0, cut), FileName);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(["#startmeeting Team sync", "#topic Mirrors", "#action bob"], result.Meeting!.Lines.Select(l => l.Text));
        Assert.False(result.Meeting.IsComplete);
    }

    [Fact]
    public void Lines_are_found_without_a_pre_and_among_stray_tags()
    {
        var html = "<html><title>#team log</title><body><div><table><tr><td>" + string.Join("\n<p>", Meeting).Replace("</span>", "</span></font>", StringComparison.Ordinal) + "</td></tr></table></body></html>";

        var result = MeetbotReader.Read(Encoding.UTF8.GetBytes(html), FileName);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(4, result.Meeting!.LineCount);
        Assert.Equal(["Mirrors"], result.Meeting.Topics.Select(t => t.Title));
        Assert.Equal("bob to fix the mirror", Assert.Single(result.Meeting.Items).Text);
    }

    [Fact]
    public void Unreadable_anchored_lines_are_skipped_with_a_warning()
    {
        var lines = Meeting.Take(2).Append("<a name=\"l-3\"></a><b>garbage</b>").Concat(Meeting.Skip(3));

        var result = MeetbotReader.Read(Page("#team log", [.. lines]), FileName);

        Assert.True(result.Ok, result.Error);
        Assert.Equal([1, 2, 4], result.Meeting!.Lines.Select(l => l.Number));
        Assert.Contains("1 anchored line(s) do not read as 'time <nick> text' and were skipped (l-3)", result.Meeting.Warnings);
    }

    [Theory]
    [InlineData("<html><body>just text</body></html>", "not meetbot minutes: the page has no title, no <h1> and no <h3> sections")]
    [InlineData("<<<>>>&&&", "not meetbot minutes: the page has no title, no <h1> and no <h3> sections")]
    public void A_page_that_is_not_minutes_fails_with_its_reason(string html, string reason)
    {
        var result = MeetbotReader.Read(Encoding.UTF8.GetBytes(html), "team.2020-06-10-14.10.html");

        Assert.False(result.Ok);
        Assert.Equal(reason, result.Error);
    }

    [Fact]
    public void Minutes_cut_mid_summary_keep_what_was_written()
    {
        var page = MinutesHtmlFixture.Page(
            "#team: Sync",
            MinutesHtmlFixture.TopicLi("Mirrors", "alice", "14:10:30", 2)
            + MinutesHtmlFixture.SubList(MinutesHtmlFixture.Item("ACTION", "bob to fix the mirror", "alice", "14:11:40", 3), MinutesHtmlFixture.Info("later", "bob", "14:12:00", 4)));
        var cut = page.IndexOf("later", StringComparison.Ordinal);

        var result = MeetbotReader.Read(Encoding.UTF8.GetBytes(page[..cut]), "team.2020-06-10-14.10.html");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("Mirrors", Assert.Single(result.Meeting!.Topics).Title);
        Assert.Equal("bob to fix the mirror", result.Meeting.Items[0].Text);
        Assert.False(result.Meeting.IsComplete);
        Assert.Null(result.Meeting.EndedAt);
    }

    [Fact]
    public void Latin1_bytes_fall_back_to_Windows_1252_with_a_warning()
    {
        var page = MinutesHtmlFixture.Page("#team: Sync", MinutesHtmlFixture.BareTopic("Caf\u00e9 cr\u00e8me", "alice", "14:10:30", 2));
        var at = page.IndexOf("Caf", StringComparison.Ordinal);
        byte[] bytes = [.. Encoding.UTF8.GetBytes(page[..at]), .. Encoding.Latin1.GetBytes(page[at..])];

        var result = MeetbotReader.Read(bytes, MinutesHtmlFixture.FileName);

        Assert.True(result.Ok, result.Error);
        Assert.Equal("Caf\u00e9 cr\u00e8me", Assert.Single(result.Meeting!.Topics).Title);
        Assert.Contains("some lines are not valid UTF-8 and were decoded as Windows-1252", result.Meeting.Warnings);
    }
}
