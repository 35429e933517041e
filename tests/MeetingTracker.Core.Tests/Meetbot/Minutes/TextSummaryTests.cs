using MeetingTracker.Core.Meetbot;

// Not ".Minutes": a namespace of that name under Meetbot would hide ReplayFixture.Minutes(), which Replay tests call unqualified.
namespace MeetingTracker.Core.Tests.Meetbot.MinutesReaders;

/// <summary>
/// Topics against items in a text "Meeting summary": MeetBot writes both unindented before the first topic's items, so
/// the reader goes by indentation and the blank line MeetBot puts before every later topic.
/// </summary>
public sealed class TextSummaryTests
{
    public static TheoryData<string, string, bool> Summaries => new()
    {
        // A lone #topic without items looks like a lone #info: read as a topic, with a warning.
        { "* roll call  (alice, 14:10:12)", "T:roll call", true },
        // A labelled item is never a topic.
        { "* ACTION: bob to fix it  (alice, 14:10:12)", "Action:bob to fix it@-", false },
        // Items before the first topic stay unindented; the topic is the last unindented bullet before indented ones.
        { "* agenda  (alice, 14:10:00)\n* Mirrors  (alice, 14:10:30)\n  * ACTION: bob to fix it  (alice, 14:11:00)", "Info:agenda@-|T:Mirrors|Action:bob to fix it@0", false },
        // ... or before the blank line that precedes the next topic.
        { "* agenda  (alice, 14:10:00)\n* Mirrors  (alice, 14:10:30)\n\n* Proxies  (alice, 14:12:00)", "Info:agenda@-|T:Mirrors|T:Proxies", false },
        { "* LINK: https://x.org  (alice, 14:10:00)\n* Mirrors  (alice, 14:10:30)", "Link:https://x.org@-|T:Mirrors", true },
        // A bullet inside a wrapped item's text does not start an item.
        { "* Mirrors  (alice, 14:10:30)\n  * ACTION: bob to file the bug about the proxy config in the\n    * network module  (alice, 14:11:00)", "T:Mirrors|Action:bob to file the bug about the proxy config in the * network module@0", false },
        // The trailer may be split, or on its own line.
        { "* https://github.com/org/repo/issues/745\n  (alice, 14:10:30)\n  * IDEA: rewrite it  (bob,\n    14:11:00)", "T:https://github.com/org/repo/issues/745|Idea:rewrite it@0", false },
    };

    [Theory]
    [MemberData(nameof(Summaries))]
    public void Tells_topics_from_items(string summary, string expected, bool warns)
    {
        var m = MinutesTxtReaderTests.Read($"""
            =========================
            #team: Sync
            =========================


            Meeting started by alice at 14:10:00 UTC. The full logs are available
            at x.log.html .



            Meeting summary
            ---------------
            {summary}

            Meeting ended at 14:19:29 UTC.
            """);

        var entries = m.Topics.Select(t => (t.Time, Text: "T:" + t.Title))
            .Concat(m.Items.Select(i => (i.Time, Text: $"{i.Kind}:{i.Text}@{(i.TopicIndex is { } t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}")))
            .OrderBy(e => e.Time)
            .Select(e => e.Text);
        Assert.Equal(expected, string.Join('|', entries));
        Assert.Equal(warns, m.Warnings.Any(w => w.StartsWith("text minutes cannot tell a #topic", StringComparison.Ordinal)));
    }
}
