using MeetingTracker.Core.Meetbot;
using static MeetingTracker.Core.Tests.Meetbot.Replay.ReplayFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>Where a meeting starts and ends, and the log shapes of reference §5 (stubs, orphans, midnight, duplicates).</summary>
public sealed class MeetingBoundsTests
{
    private static readonly DateTimeOffset Day = new(2020, 6, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lines_outside_startmeeting_and_endmeeting_do_not_count()
    {
        var log = "14:09:00 <bob> #topic too early\n14:09:30 <eve> http://early.example\n"
            + Log(Debian, "bob: #info inside")
            + "\n14:20:00 <bob> #info too late\n14:20:01 <eve> chatter";

        var meeting = Read(log);

        Assert.Equal("INFO inside", Minutes(meeting));
        Assert.Equal("alice(2) MeetBot(2) bob(1)", People(meeting));
        Assert.Equal(9, meeting.LineCount);
        Assert.Equal(Day.AddHours(14).AddMinutes(10).AddSeconds(12), meeting.StartedAt);
        Assert.Equal(Day.AddHours(14).AddMinutes(10).AddSeconds(21), meeting.EndedAt);
        Assert.True(meeting.IsComplete);
        Assert.Contains("2 line(s) before #startmeeting are not part of the meeting", meeting.Warnings);
        Assert.Contains("2 line(s) after #endmeeting are not part of the meeting", meeting.Warnings);
    }

    [Fact]
    public void A_renamed_meeting_stub_is_a_started_but_unended_meeting()
    {
        var meeting = Read("12:02:26 <bcotton> #startmeeting Magazine editorial board", "fedora-meeting/2020-06-10/magazine_editorial_board.2020-06-10-12.02.log.txt");

        Assert.Equal(("bcotton", "Magazine editorial board", "#fedora-meeting"), (meeting.StartedBy, meeting.Title, meeting.Channel));
        Assert.Null(meeting.EndedAt);
        Assert.False(meeting.IsComplete);
        Assert.Equal(1, meeting.LineCount);
        Assert.Contains("meeting was not ended (no #endmeeting)", meeting.Warnings);
        Assert.Contains(meeting.Warnings, w => w.Contains("stub", StringComparison.Ordinal));
    }

    [Fact]
    public void An_orphan_realtime_log_keeps_what_was_said_so_far()
    {
        var meeting = Run(MeetbotDialect.OpenStack, "alice: #topic First\nbob: #action bob to finish", end: false);

        Assert.Equal("TOPIC First | ACTION bob to finish", Minutes(meeting));
        Assert.Null(meeting.EndedAt);
        Assert.False(meeting.IsComplete);
        Assert.Equal(["meeting was not ended (no #endmeeting)"], meeting.Warnings);
    }

    [Fact]
    public void Times_roll_over_at_midnight()
    {
        var meeting = Read("23:59:50 <alice> #startmeeting late\n23:59:59 <alice> #topic Before\n00:00:10 <bob> after midnight\n00:01:00 <alice> #topic After\n00:02:00 <alice> #endmeeting",
            "late.2020-06-10-23.59.log.txt");

        Assert.Equal(Day.AddHours(23).AddMinutes(59).AddSeconds(50), meeting.StartedAt);
        Assert.Equal(Day.AddDays(1).AddMinutes(1), meeting.Topics[1].Time);
        Assert.Equal(Day.AddDays(1).AddMinutes(2), meeting.EndedAt);
    }

    [Theory]
    // Going back across midnight moves to the next day; a small step back (a clock correction, a pasted line) does not.
    [InlineData("23:59:59", "00:00:10", 1, false)]
    [InlineData("19:54:02", "18:03:01", 0, true)]
    [InlineData("12:00:00", "11:59:59", 0, true)]
    public void Only_a_step_back_across_midnight_changes_the_day(string before, string after, int days, bool warned)
    {
        var meeting = Read($"{before} <alice> #startmeeting\n{after} <bob> hello", "late.2020-06-10-12.00.log.txt");

        Assert.Equal(days, (meeting.Lines[1].Time.Date - meeting.Lines[0].Time.Date).Days);
        Assert.Equal(warned, meeting.Warnings.Any(w => w.Contains("go back in time", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_log_without_startmeeting_is_read_whole_with_its_first_speaker_as_chair()
    {
        var meeting = Read("10:00:00 <carol> hello\n10:00:05 <carol> #topic Agenda\n10:00:09 <dave> #topic not a chair\n10:01:00 <carol> #endmeeting");

        Assert.Equal("TOPIC Agenda", Minutes(meeting));
        Assert.Null(meeting.StartedBy);
        Assert.Equal(Day.AddHours(10), meeting.StartedAt);
        Assert.Equal(["carol"], meeting.Chairs);
        Assert.True(meeting.IsComplete);
        Assert.Contains(meeting.Warnings, w => w.StartsWith("no #startmeeting", StringComparison.Ordinal));
    }

    [Theory]
    // The classic plugin tests payload[:13] == '#startmeeting': case-sensitive, and only at the start.
    [InlineData("14:10:12 <alice> #StartMeeting\n14:10:20 <alice> #endmeeting", null)]
    [InlineData("14:10:12 <alice> hi\n14:10:13 <bob> #startmeeting Real", "bob")]
    // meetingology lower-cases the test.
    [InlineData("14:10 <alice> #STARTMEETING Loud\n14:10 <meetingology> Meeting started at 14:10:12 UTC.  The chair is alice.  Information about MeetBot at https://wiki.ubuntu.com/meetingology", "alice")]
    public void Startmeeting_is_recognised_as_each_bot_recognises_it(string log, string? startedBy) =>
        Assert.Equal(startedBy, Read(log).StartedBy);

    [Fact]
    public void A_second_meeting_in_one_file_is_not_merged_into_the_first()
    {
        var log = Log(Debian, "bob: #info first meeting") + "\n15:00:00 <carol> #startmeeting again\n15:00:05 <carol> #info second meeting\n15:01:00 <carol> #endmeeting";

        var meeting = Read(log);

        Assert.Equal("INFO first meeting", Minutes(meeting));
        Assert.Contains("the log holds another #startmeeting; only the first meeting was read", meeting.Warnings);
    }

    [Fact]
    public void Same_day_meetings_in_separate_files_are_separate_meetings()
    {
        var morning = Read(Log(Debian, "bob: #info morning"), "team.2020-06-10-09.00.log.txt");
        var evening = Read(Log(Debian, "bob: #info evening"), "team.2020-06-10-18.00.log.txt");

        Assert.NotEqual(morning.MeetingKey, evening.MeetingKey);
        Assert.Equal(("INFO morning", "INFO evening"), (Minutes(morning), Minutes(evening)));
    }

    [Theory]
    // 0.1.4: only chairs end the meeting.
    [InlineData(MeetbotDialect.Meetbot014, "14:30:00 <bob> #endmeeting", false)]
    // OpenStack: anyone may end it once its 60 minutes have passed, not before.
    [InlineData(MeetbotDialect.OpenStack, "14:30:00 <bob> #endmeeting", false)]
    [InlineData(MeetbotDialect.OpenStack, "15:10:12 <bob> #endmeeting", true)]
    public void Who_may_end_the_meeting(MeetbotDialect dialect, string endLine, bool ended)
    {
        var meeting = Read(string.Join('\n', HeaderOf(dialect)) + "\n" + endLine);

        Assert.Equal(ended, meeting.IsComplete);
    }

    [Fact]
    public void Meetingology_abortmeeting_ends_without_minutes()
    {
        var meeting = Run(MeetbotDialect.Meetingology, "bob: #abortmeeting\nalice: #info kept\nalice: #abortmeeting\nalice: #info dropped", end: false);

        Assert.Equal("INFO kept", Minutes(meeting));
        Assert.False(meeting.IsComplete);
        Assert.NotNull(meeting.EndedAt);
        Assert.Contains("meeting was aborted with #abortmeeting: MeetBot wrote no minutes for it", meeting.Warnings);
    }

    [Theory]
    [InlineData(MeetbotDialect.Unknown, "", "Team sync", null)]
    [InlineData(MeetbotDialect.Unknown, "alice: #meetingtopic Quarterly planning", "Quarterly planning", null)]
    [InlineData(MeetbotDialect.Unknown, "alice: #meetingtopic none", null, null)]
    [InlineData(MeetbotDialect.Unknown, "bob: #meetingtopic not a chair\nbob: #meetingname Team / Sync  Call", "Team sync", "team__sync_call")]
    [InlineData(MeetbotDialect.Meetbot014, "", "Team sync", "team_sync")]
    [InlineData(MeetbotDialect.OpenStack, "bob: #meetingname Team-Sync 2.0", "Team sync", "team_sync_2_0")]
    [InlineData(MeetbotDialect.Meetingology, "bob: #meetingname not a chair", "Team sync", null)]
    [InlineData(MeetbotDialect.Meetingology, "alice: #meetingname Ubuntu IE", "Team sync", "ubuntu_ie")]
    public void Title_and_meeting_name(MeetbotDialect dialect, string body, string? title, string? name)
    {
        var meeting = Run(dialect, body);

        Assert.Equal((title, name), (meeting.Title, meeting.MeetingName));
    }
}
