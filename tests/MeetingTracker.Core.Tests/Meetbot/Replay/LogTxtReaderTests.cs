using System.Text;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Replay;
using static MeetingTracker.Core.Tests.Meetbot.Replay.ReplayFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>Reading the bytes of a .log.txt: lines, encodings, dates, and what is not a log at all.</summary>
public sealed class LogTxtReaderTests
{
    [Theory]
    [InlineData("14:10:12 <bob> hello", "14:10:12", "bob", "hello", false)]
    [InlineData("14:10 <bob> meetingology minutes", "14:10:00", "bob", "meetingology minutes", false)]
    [InlineData("[14:10:12] <@bob> an op", "14:10:12", "bob", "an op", false)]
    [InlineData("14:10:12 <+bob>   voiced  ", "14:10:12", "bob", "voiced", false)]
    [InlineData("14:14:13 * kushal got a chance to say hi", "14:14:13", "kushal", "got a chance to say hi", true)]
    [InlineData("14:10:12 <bob>", "14:10:12", "bob", "", false)]
    [InlineData("14:10:12 <b@b> a > b", "14:10:12", "b@b", "a > b", false)]
    [InlineData("2024-01-08 16:01:02 <@alice:fedora.im> !topic x", "16:01:02", "@alice:fedora.im", "!topic x", false)]
    public void Scans_every_line_shape_MeetBot_accepts(string raw, string time, string nick, string text, bool emote)
    {
        Assert.True(LogLineScanner.TryScan(raw.AsSpan(), out var line));

        Assert.Equal(time, TimeSpan.FromSeconds(line.Seconds).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((nick, text, emote), (line.Nick.ToString(), line.Text.ToString(), line.IsEmote));
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("-- bob has joined #team")]
    [InlineData("14:10:12 bob: hi")]
    [InlineData("14:10:12 <> empty nick")]
    [InlineData("14:10:12 <bob no closing bracket")]
    [InlineData("14:10:12 *")]
    public void Rejects_lines_MeetBot_would_not_replay(string raw) => Assert.False(LogLineScanner.TryScan(raw.AsSpan(), out _));

    [Theory]
    [InlineData("25:00:00")]
    [InlineData("12:60")]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("12:00:00:00")]
    public void Unusable_times_read_as_none(string time) => Assert.Equal(-1, LogLineScanner.ParseTime(time.AsSpan(), out _));

    [Fact]
    public void Decodes_only_nick_and_text_and_falls_back_per_line()
    {
        var utf8 = Encoding.UTF8.GetBytes("14:10:12 <j\u00f6ran> #startmeeting gr\u00fc\u00dfe \u2713\u00a0\n");
        var latin1 = Encoding.Latin1.GetBytes("14:10:13 <j\u00f6ran> caf\u00e9\n2024-02-30 16:01:02 <@a:b> no such day\n14:10:14 <j\u00f6ran> #endmeeting");

        var meeting = LogTxtReader.Read([.. utf8, .. latin1], MeetingFileName.TryParse(FileName));

        Assert.Equal(["j\u00f6ran"], meeting.Lines.Select(l => l.Nick).Distinct());
        Assert.Same(meeting.Lines[0].Nick, meeting.Lines[2].Nick);
        Assert.Equal(("gr\u00fc\u00dfe \u2713", "caf\u00e9"), (meeting.Title, meeting.Lines[1].Text));
        Assert.Equal(3, meeting.LineCount);
        Assert.Contains("1 line(s) are not MeetBot log lines and were skipped (file line 3)", meeting.Warnings);
        Assert.Contains("some lines are not valid UTF-8 and were decoded as Windows-1252", meeting.Warnings);
    }

    [Fact]
    public void A_line_without_a_time_takes_the_time_before()
    {
        var meeting = Read("14:10:12 <alice> #startmeeting\n<bob> no stamp\n14:10:30 <alice> #endmeeting");

        Assert.Equal(meeting.Lines[0].Time, meeting.Lines[1].Time);
        Assert.Contains("1 line(s) carry no time and were given the time of the line before", meeting.Warnings);
    }

    [Fact]
    public void Garbage_is_not_a_meeting()
    {
        var result = MeetbotReader.Read("PNG\u0001\u0002 not a log\nat all"u8, FileName);

        Assert.False(result.Ok);
        Assert.Equal("no meetbot log lines found", result.Error);
    }

    [Fact]
    public void Latin1_lines_fall_back_to_Windows_1252_with_a_warning()
    {
        var utf8 = Encoding.UTF8.GetBytes(Log(Debian, "bob: #info caf\u00e9 ok", end: false) + "\n");
        var latin1 = Encoding.Latin1.GetBytes("14:11:00 <bob> #info na\u00efve\n14:11:05 <alice> #endmeeting");
        var meeting = LogTxtReader.Read([.. utf8, .. latin1], MeetingFileName.TryParse(FileName));

        Assert.Equal(["INFO caf\u00e9 ok", "INFO na\u00efve"], meeting.Items.Select(i => i.Kind.ToString().ToUpperInvariant() + " " + i.Text));
        Assert.Contains("some lines are not valid UTF-8 and were decoded as Windows-1252", meeting.Warnings);
    }

    [Fact]
    public void Tolerates_crlf_blank_lines_and_a_trailing_newline_and_numbers_log_lines_only()
    {
        var meeting = Read("14:10:12 <alice> #startmeeting\r\n\r\n-- bob joined\r\n14:10:20 <bob> #topic not chair\r\n14:10:21 <alice> #endmeeting\r\n");

        Assert.Equal(3, meeting.LineCount);
        Assert.Equal([1, 2, 3], meeting.Lines.Select(l => l.Number));
        Assert.Equal("#topic not chair", meeting.Lines[1].Text);
        Assert.True(meeting.IsComplete);
        Assert.Contains("1 line(s) are not MeetBot log lines and were skipped (file line 3)", meeting.Warnings);
    }

    [Fact]
    public void A_file_name_without_a_date_dates_the_log_1970()
    {
        var result = MeetbotReader.Read(Encoding.UTF8.GetBytes(Log(Debian, "bob: hi")), "ukmeet.log");

        Assert.True(result.Ok);
        Assert.Equal(new DateTimeOffset(1970, 1, 1, 14, 10, 12, TimeSpan.Zero), result.Meeting!.StartedAt);
        Assert.Contains("the file name carries no date: times are dated 1970-01-01", result.Meeting.Warnings);
    }

    [Theory]
    [InlineData("14:10 <alice> #startmeeting\n14:11 <alice> #endmeeting", MeetbotDialect.Meetingology)]
    [InlineData("14:10:12 <alice> #startmeeting\n14:11:00 <alice> #endmeeting", MeetbotDialect.Meetbot014)]
    public void Minute_stamps_mean_meetingology(string log, MeetbotDialect dialect) => Assert.Equal(dialect, Read(log).Dialect);

    [Fact]
    public void Reads_a_whole_small_meeting_into_the_contract()
    {
        var meeting = Read(Log(Fedora, "alice: #topic Roll call\nbob: .hello bob\nalice: #chair bob\nbob: #action bob to send notes"), "fedora-meeting/2020-06-10/team.2020-06-10-14.10.log.txt");

        Assert.Equal(MeetbotFormat.LogTxt, meeting.Format);
        Assert.Equal(MeetbotDialect.Meetbot014, meeting.Dialect);
        Assert.Equal(("team.2020-06-10-14.10", "#fedora-meeting", "team_sync"), (meeting.MeetingKey, meeting.Channel, meeting.MeetingName));
        Assert.Equal(["alice", "bob"], meeting.Chairs);
        Assert.Equal(11, meeting.LineCount);
        Assert.Equal("TOPIC Roll call | ACTION bob to send notes", Minutes(meeting));
        Assert.Equal(["bob"], meeting.Items[0].Assignees);
        Assert.Equal("zodbot(5) alice(4) bob(2)", People(meeting));
        Assert.Empty(meeting.Warnings);
    }
}
