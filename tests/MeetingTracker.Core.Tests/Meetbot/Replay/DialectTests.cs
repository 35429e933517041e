using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Replay;
using static MeetingTracker.Core.Tests.Meetbot.Replay.ReplayFixture;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>Dialect detection and the commands only one dialect has (votes, Matrix tags).</summary>
public sealed class DialectTests
{
    public static TheoryData<string, MeetbotDialect, MeetbotDialect> Detection => new()
    {
        { string.Join('\n', Debian), MeetbotDialect.Unknown, MeetbotDialect.Meetbot014 },
        { string.Join('\n', Debian), MeetbotDialect.MeetbotLater, MeetbotDialect.MeetbotLater },
        { string.Join('\n', Fedora), MeetbotDialect.MeetbotLater, MeetbotDialect.Meetbot014 },
        { string.Join('\n', OpenStack), MeetbotDialect.Unknown, MeetbotDialect.OpenStack },
        { string.Join('\n', Meetingology), MeetbotDialect.Unknown, MeetbotDialect.Meetingology },
        { string.Join('\n', Meetingology), MeetbotDialect.OpenStack, MeetbotDialect.Meetingology },
        // No bot lines: commands only one dialect knows tell it.
        { "19:00:00 <daubers> #startmeeting\n19:03:40 <daubers> #subtopic reporting", MeetbotDialect.Unknown, MeetbotDialect.Meetingology },
        { "19:00:00 <daubers> #startmeeting\n19:03:40 <daubers> #startvote Lunch? pizza, soup", MeetbotDialect.Unknown, MeetbotDialect.OpenStack },
        { "2024-01-08 16:01:02 <@alice:fedora.im> !startmeeting Fedora QA", MeetbotDialect.Unknown, MeetbotDialect.Matrix },
    };

    [Theory]
    [MemberData(nameof(Detection))]
    public void Detects_the_dialect_from_bot_lines_then_commands_then_the_hint(string log, MeetbotDialect hint, MeetbotDialect expected)
    {
        var lines = Read(log).Lines;

        var meeting = LogReplay.Replay(lines, new ReplayContext(MeetbotFormat.LogHtml, null, hint));

        Assert.Equal(expected, meeting.Dialect);
        Assert.Equal(MeetbotFormat.LogHtml, meeting.Format);
    }

    [Fact]
    public void OpenStack_votes_become_one_VOTE_item_in_python_dict_order()
    {
        var meeting = Run(MeetbotDialect.OpenStack,
            "bob: #startvote Should we? not a chair\nalice: #startvote Ship it? Yes, No, Abstain\nalice: #vote yes\nbob: #vote No\n"
            + "carol: #vote YES\ndave: #vote abstain\nbob: #vote yes\neve: #vote maybe\nbob: #endvote\nalice: #endvote\nalice: #vote yes");

        var vote = Assert.Single(meeting.Items);
        Assert.Equal(ItemKind.Vote, vote.Kind);
        Assert.Equal("Voted on \"Ship it?\" Results are, Yes: 3, Abstain: 1, No: 0", vote.Text);
        Assert.Equal("alice", vote.Nick);
    }

    [Theory]
    [InlineData("alice: #startvote Lunch?\nalice: #endvote", "Voted on \"Lunch?\" Results are")]
    [InlineData("alice: #startvote Lunch?\nbob: #vote no\nalice: #endvote", "Voted on \"Lunch?\" Results are, No: 1")]
    [InlineData("alice: #startvote Is it? Or is it? a,b\nbob: #vote B\nalice: #endvote", "Voted on \"Is it? Or is it?\" Results are, b: 1")]
    [InlineData("alice: #startvote no question mark\nalice: #endvote", "")]
    public void OpenStack_vote_questions_and_default_options(string body, string expected) =>
        Assert.Equal(expected, string.Join(" | ", Run(MeetbotDialect.OpenStack, body).Items.Select(i => i.Text)));

    [Theory]
    // +1/-1/[+-]0 lines count for whoever may vote; the last vote counts; carried when for - against >= required.
    [InlineData("alice: #vote Adopt the charter\nbob: +1\ncarol: -1 sorry\ndave: +1 yes\ncarol: +1 changed my mind\neve: +10 not a vote\nalice: #endvote", "VOTE Adopt the charter (Carried)")]
    [InlineData("alice: #votesrequired 2\nalice: #vote Adopt\nbob: +1\ncarol: -1\nalice: #endvote", "VOTE Adopt (Denied)")]
    [InlineData("alice: #voters bob carol\nalice: #vote Adopt\nbob: -1\ndave: +1\neve: +1\nalice: #endvote", "VOTE Adopt (Denied)")]
    [InlineData("bob: #vote not a chair\nbob: +1\nbob: #endvote", "")]
    // An open vote is closed by #endmeeting.
    [InlineData("alice: #vote Adopt\nbob: 0", "VOTE Adopt (Carried)")]
    public void Meetingology_votes(string body, string expected) =>
        Assert.Equal(expected, Minutes(Run(MeetbotDialect.Meetingology, body)));

    [Fact]
    public void Meetingology_voters_are_attendees_with_no_lines()
    {
        var meeting = Run(MeetbotDialect.Meetingology, "alice: #voters zoe, yan");

        Assert.Contains(new Attendee("zoe", 0), meeting.People);
        Assert.Contains(new Attendee("yan", 0), meeting.People);
    }

    [Fact]
    public void Matrix_logs_use_their_own_dates_tags_and_aliases()
    {
        var log = string.Join('\n',
            "2024-01-08 16:01:02 <@alice:fedora.im> !startmeeting Fedora QA",
            "2024-01-08 16:01:02 <@meetbot:fedora.im> Meeting started at 2024-01-08 16:01:02 UTC",
            "2024-01-08 16:02:00 <@bob:fedora.im> !t Blockers",
            "2024-01-08 16:03:00 <@bob:fedora.im> ^action alice to retest",
            "2024-01-08 16:04:00 <@carol:matrix.org> !info nothing new",
            "2024-01-09 00:00:05 <@alice:fedora.im> !em");

        var meeting = Read(log, "meeting-1_matrix_fedoraproject-org/2024-01-08/fedora-qa.2024-01-08-16.01.log.txt");

        Assert.Equal(MeetbotDialect.Matrix, meeting.Dialect);
        Assert.Equal("TOPIC Blockers | ACTION alice to retest | INFO nothing new", Minutes(meeting));
        Assert.Equal(("Fedora QA", "fedora-qa", "@alice:fedora.im"), (meeting.Title, meeting.MeetingName, meeting.StartedBy));
        Assert.Equal(new DateTimeOffset(2024, 1, 9, 0, 0, 5, TimeSpan.Zero), meeting.EndedAt);
        Assert.Equal("meeting-1_matrix_fedoraproject-org", meeting.Channel);
        Assert.Empty(meeting.Items[0].Assignees);
        Assert.Equal(["@alice:fedora.im"], meeting.Items[0].Owners);
    }

    [Fact]
    public void Replay_works_on_lines_from_any_source_and_keeps_the_callers_context()
    {
        var at = new DateTimeOffset(2020, 6, 10, 14, 0, 0, TimeSpan.Zero);
        LogLine[] lines =
        [
            new(1, at, "alice", "#startmeeting From HTML"),
            new(2, at.AddMinutes(1), "bob", "#info from a log.html"),
            new(3, at.AddMinutes(2), "alice", "#endmeeting"),
        ];

        var meeting = LogReplay.Replay(lines, new ReplayContext(MeetbotFormat.LogHtml, null) { Channel = "#team", Warnings = ["markup repaired"] });

        Assert.Equal(("#team", "From HTML", 3), (meeting.Channel, meeting.Title, meeting.LineCount));
        Assert.Equal("INFO from a log.html", Minutes(meeting));
        Assert.Equal(["markup repaired"], meeting.Warnings);
    }

    [Fact]
    public void Replaying_no_lines_is_a_format_error() =>
        Assert.Throws<MeetbotFormatException>(() => LogReplay.Replay([], new ReplayContext(MeetbotFormat.LogHtml, null)));
}
