using System.Text;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Topics;

namespace MeetingTracker.Core.Tests.Topics;

/// <summary>The agenda's three formats; the MeetBot one pasted into a meeting gives back its topics and actions.</summary>
public sealed class AgendaWriterTests
{
    private static readonly DateTimeOffset Raised = new(2024, 1, 8, 15, 4, 0, TimeSpan.Zero);

    private static Agenda Sample(string? longAction = null) => new(
        "infra", "Infrastructure", "https://mt.example.org/teams/infra/agenda",
        [new AgendaTopic("Roll call", "https://mt.example.org/teams/infra/topics/roll-call")],
        new AgendaTopic("Old business", "https://mt.example.org/teams/infra/topics/old-business"),
        [
            new AgendaAction(12, "alice to rotate the mirror keys", ["alice"], "overdue", Raised, "https://mt.example.org/actions/12"),
            new AgendaAction(15, longAction ?? "bob and carol to write the *outage* report [draft]", ["bob", "carol"], "need-help", Raised.AddDays(7), "https://mt.example.org/actions/15"),
            new AgendaAction(17, "someone to fix the wiki", [], "no-time", Raised.AddDays(14), "https://mt.example.org/actions/17"),
        ],
        [new AgendaIdea(20, "move the builders to the new cluster", "dave", Raised, "https://mt.example.org/ideas/20")],
        [new AgendaTopic("Mirror outage", "https://mt.example.org/teams/infra/topics/mirror-outage")],
        [new AgendaTopic("Open floor", "https://mt.example.org/teams/infra/topics/open-floor")]);

    [Fact]
    public void The_meetbot_agenda_pasted_into_a_meeting_gives_back_its_topics_and_actions()
    {
        var agenda = Sample();
        var commands = AgendaWriter.Write(agenda, AgendaFormat.MeetBot).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The chair pastes it between #startmeeting and #endmeeting; MeetBot's log is what our reader reads.
        var log = new StringBuilder("15:00:00 <alice> #startmeeting infra\n");
        var second = 1;
        foreach (var line in commands) log.Append($"15:{second / 60:00}:{second++ % 60:00} <alice> {line}\n");
        log.Append($"15:{second / 60:00}:{second % 60:00} <alice> #endmeeting\n");
        var read = MeetbotReader.Read(Encoding.UTF8.GetBytes(log.ToString()), "infra.2024-01-22-15.00.log.txt");

        var meeting = Assert.IsType<ParsedMeeting>(read.Meeting, exactMatch: false);
        Assert.Equal(
            ["Roll call", "Old business", Agenda.IdeasTopic, "Mirror outage", "Open floor"],
            meeting.Topics.Select(t => t.Title));
        Assert.Equal(agenda.Actions.Select(a => a.Text), meeting.Items.Where(i => i.Kind == ItemKind.Action).Select(i => i.Text));
        Assert.All(meeting.Items.Where(i => i.Kind == ItemKind.Action), i => Assert.Equal(1, i.TopicIndex));
        Assert.Contains(meeting.Items, i => i.Kind == ItemKind.Info && i.Text.Contains("https://mt.example.org/ideas/20", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_meetbot_line_fits_an_irc_message_and_a_long_one_is_cut_at_a_word()
    {
        var longText = "carol to " + string.Join(' ', Enumerable.Repeat("migrate the ünïcode builders", 30));
        var lines = AgendaWriter.Write(Sample(longText), AgendaFormat.MeetBot).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= AgendaWriter.MaxIrcBytes, l));
        var cut = Assert.Single(lines, l => l.StartsWith("#action carol", StringComparison.Ordinal));
        var full = "#action " + longText;
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        var kept = cut[..^1];
        Assert.StartsWith(kept, full, StringComparison.Ordinal);
        Assert.Equal(' ', full[kept.Length]);
    }

    [Fact]
    public void The_markdown_agenda_numbers_its_topics_and_links_every_item_to_its_page()
    {
        var markdown = AgendaWriter.Write(Sample(), AgendaFormat.Markdown);

        Assert.StartsWith("# Agenda for the next meeting of Infrastructure\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## 1. [Roll call](https://mt.example.org/teams/infra/topics/roll-call)", markdown, StringComparison.Ordinal);
        Assert.Contains("## 2. [Old business]", markdown, StringComparison.Ordinal);
        Assert.Contains("- [alice to rotate the mirror keys](https://mt.example.org/actions/12) — alice, overdue, raised 2024-01-08", markdown, StringComparison.Ordinal);
        Assert.Contains(@"- [bob and carol to write the \*outage\* report \[draft\]](https://mt.example.org/actions/15) — bob, carol, need-help", markdown, StringComparison.Ordinal);
        Assert.Contains("— nobody, no-time", markdown, StringComparison.Ordinal);
        Assert.Contains("## 3. Ideas waiting for a decision", markdown, StringComparison.Ordinal);
        Assert.Contains("- [move the builders to the new cluster](https://mt.example.org/ideas/20) — dave, 2024-01-08", markdown, StringComparison.Ordinal);
        Assert.EndsWith("## 5. [Open floor](https://mt.example.org/teams/infra/topics/open-floor)\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_agenda_lists_topics_in_order_with_each_item_s_owners_state_and_link()
    {
        var text = AgendaWriter.Write(Sample(), AgendaFormat.Text);
        var lines = text.Split('\n');

        Assert.Equal("Agenda for the next meeting of Infrastructure", lines[0]);
        Assert.Equal(["1. Roll call", "2. Old business", "3. Ideas waiting for a decision", "4. Mirror outage", "5. Open floor"], lines.Where(l => l.Length > 2 && char.IsAsciiDigit(l[0])));
        Assert.Contains("   - alice to rotate the mirror keys (alice; overdue; raised 2024-01-08)", lines);
        Assert.Contains("     https://mt.example.org/actions/12", lines);
    }

    [Theory]
    [InlineData("meetbot", AgendaFormat.MeetBot)]
    [InlineData("Markdown", AgendaFormat.Markdown)]
    [InlineData("text", AgendaFormat.Text)]
    [InlineData("pdf", null)]
    [InlineData(null, null)]
    public void Formats_are_named(string? name, AgendaFormat? format) => Assert.Equal(format, AgendaWriter.ParseFormat(name));
}
