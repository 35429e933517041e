using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Minutes;

// Not ".Minutes": a namespace of that name under Meetbot would hide ReplayFixture.Minutes(), which Replay tests call unqualified.
namespace MeetingTracker.Core.Tests.Meetbot.MinutesReaders;

/// <summary>The small text rules every minutes reader shares.</summary>
public sealed class MinutesTextTests
{
    [Theory]
    [InlineData("bob to fix it  (alice, 14:11:40)", true, "bob to fix it", "alice", "14:11:40")]
    [InlineData("bob to fix it (alice, 14:11)", true, "bob to fix it", "alice", "14:11")]
    [InlineData("Bugs/issues triage (jmrodri 13:46)", true, "Bugs/issues triage", "jmrodri", "13:46")]
    [InlineData("ship it (@lruzicka:fedora.im, 16:25:00)", true, "ship it", "@lruzicka:fedora.im", "16:25:00")]
    [InlineData("(alice, 14:11:40)", true, "", "alice", "14:11:40")]
    [InlineData("call (555) 123", false, "call (555) 123", "", "")]
    [InlineData("meet at (noon, 12:xx)", false, "meet at (noon, 12:xx)", "", "")]
    [InlineData("two words (a b, 12:00)", false, "two words (a b, 12:00)", "", "")]
    [InlineData("no trailer", false, "no trailer", "", "")]
    public void Splits_the_nick_and_time_trailer(string text, bool ok, string body, string nick, string time)
    {
        Assert.Equal(ok, MinutesText.TrySplitTrailer(text, out var b, out var n, out var t));
        Assert.Equal((body, nick, time), (b, n, t));
    }

    [Theory]
    [InlineData("#fedora-meeting: Magazine editorial board", "#fedora-meeting", "Magazine editorial board")]
    [InlineData("#ubuntu-meeting Meeting", "#ubuntu-meeting", null)]
    [InlineData("##taproot-bip-review Meeting", "##taproot-bip-review", null)]
    [InlineData("#chan: a: b", "#chan", "a: b")]
    [InlineData("#meeting:fedoraproject.org: fedora-qa", "#meeting:fedoraproject.org", "fedora-qa")]
    [InlineData("Some Title without channel", null, "Some Title without channel")]
    [InlineData("", null, null)]
    public void Splits_the_page_title(string title, string? channel, string? topic) =>
        Assert.Equal((channel, topic), MinutesText.SplitPageTitle(title));

    [Theory]
    [InlineData("  wrapped\n    over   lines \t", "wrapped over lines")]
    [InlineData("", "")]
    [InlineData("one", "one")]
    public void Collapses_whitespace(string text, string expected) => Assert.Equal(expected, MinutesText.Collapse(text));

    [Theory]
    [InlineData("bcotton (136)", "bcotton", 136)]
    [InlineData("misc (0)", "misc", 0)]
    [InlineData("cdecker[m] (18)", "cdecker[m]", 18)]
    [InlineData("rusty - 3 lines", "rusty", 3)]
    public void Reads_people_counts(string text, string nick, int lines)
    {
        Assert.True(PeopleCount.TryParse(text, out var attendee));
        Assert.Equal(new Attendee(nick, lines), attendee);
    }

    [Theory]
    [InlineData("(12)")]
    [InlineData("bob")]
    [InlineData("bob (x)")]
    public void Rejects_what_is_not_a_count(string text) => Assert.False(PeopleCount.TryParse(text, out _));

    [Theory]
    [InlineData(new[] { "23:59:50", "00:00:10" }, new[] { 0, 1 })]
    [InlineData(new[] { "19:01:31", "19:01", "19:02" }, new[] { 0, 0, 0 })]
    [InlineData(new[] { "10:00:00", "09:58:00", "09:59" }, new[] { 0, 1, 1 })]
    public void Rolls_over_midnight_with_a_minute_of_tolerance(string[] times, int[] days)
    {
        var clock = new DayClock(new DateOnly(2020, 6, 10), TimeSpan.FromMinutes(1));

        var got = times.Select(t => DayClock.TryParseTime(t, out var time) ? clock.At(time).Day - 10 : -1);

        Assert.Equal(days, got);
    }

    [Theory]
    [InlineData("14:10:12", true)]
    [InlineData("[14:10:12]", true)]
    [InlineData("14:10", true)]
    [InlineData("24:00", false)]
    [InlineData("14:1", false)]
    [InlineData("1410", false)]
    public void Parses_times_of_day(string text, bool ok) => Assert.Equal(ok, DayClock.TryParseTime(text, out _));
}
