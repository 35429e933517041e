using System.Text.RegularExpressions;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Topics;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.LogGen;

/// <summary>
/// What LogGen plants for projects and topics: ticket and repository references of every form communities write, that
/// come back over weeks, each recorded with its line (the oracle for the reference finder); and long-running subjects
/// under titles spelt differently each time.
/// </summary>
public sealed class PlantedReferenceTests
{
    private static readonly GeneratorOptions Server = new() { Teams = 6, Weeks = 12, Seed = 2026, Start = new DateOnly(2026, 8, 31) };

    [Theory]
    [InlineData(ServerLayout.Fedora)]
    [InlineData(ServerLayout.Ubuntu)]
    public void Every_form_is_planted(ServerLayout layout)
    {
        var meetings = Meetings(layout);
        var said = meetings.SelectMany(m => m.References.Select(r => (r, m.Meeting.Lines[r.Line - 1].Text))).ToList();

        string[] forms =
        [
            @"https://github\.com/[\w.-]+/[\w.-]+/issues/\d+", @"https://github\.com/[\w.-]+/[\w.-]+/pull/\d+",
            @"https://gitlab\.com/[\w./-]+/-/issues/\d+", @"https://gitlab\.com/[\w./-]+/-/merge_requests/\d+",
            @"https://pagure\.io/[\w./-]+/issue/\d+", @"https://pagure\.io/[\w./-]+/pull-request/\d+",
            @"https://(github\.com|gitlab\.com|pagure\.io)/[\w.-]+/[\w.-]+(\s|$)",
            .. layout == ServerLayout.Fedora
                ? new[] { @"https://bugzilla\.redhat\.com/show_bug\.cgi\?id=\d+", @"rhbz#\d+" }
                : [@"https://bugs\.launchpad\.net/[\w-]+/\+bug/\d+", @"LP: #\d+"],
            @"(^|\s)bug #?\d+",
        ];
        Assert.All(forms, form => Assert.Contains(said, s => Regex.IsMatch(s.Text, form)));
        Assert.All(Enum.GetValues<PlantedForm>().Where(f => f != (layout == ServerLayout.Fedora ? PlantedForm.Launchpad : PlantedForm.RedHatBugzilla)), form =>
            Assert.Contains(said, s => s.r.Form == form));

        // Items, actions and chatter all carry them.
        Assert.Contains(said, s => s.Text.StartsWith("#info ", StringComparison.Ordinal));
        Assert.Contains(said, s => s.Text.StartsWith("#link ", StringComparison.Ordinal));
        Assert.Contains(said, s => s.Text.StartsWith("#idea ", StringComparison.Ordinal));
        Assert.Contains(said, s => s.Text.StartsWith("#action ", StringComparison.Ordinal));
        Assert.Contains(said, s => !s.Text.StartsWith('#'));
        if (layout == ServerLayout.Fedora)
        {
            Assert.Contains(said, s => s.Text.StartsWith("#agreed ", StringComparison.Ordinal));
        }

        // Keys are the contract's: host and path, lower case, no scheme; trackers are the distribution's.
        Assert.All(said, s => Assert.Matches(@"^[a-z0-9.-]+(/[a-z0-9._-]+)*$", s.r.ProjectKey));
        Assert.All(said, s => Assert.Equal(s.r.ProjectKey.Contains('/', StringComparison.Ordinal) ? "repository" : "tracker", s.r.ProjectKind));
        var trackers = said.Where(s => s.r.ProjectKind == "tracker").Select(s => s.r.ProjectKey).Distinct();
        Assert.Equal([layout == ServerLayout.Fedora ? "bugzilla.redhat.com" : "bugs.launchpad.net"], trackers);
    }

    [Fact]
    public void Tickets_come_back_over_several_meetings_until_closed()
    {
        var perTeam = Meetings(ServerLayout.Fedora).GroupBy(m => m.Team);

        foreach (var team in perTeam)
        {
            var meetingsPerTicket = team
                .SelectMany(m => m.References.Where(r => r.Ticket is not null).Select(r => (r.ProjectKey, r.Ticket, m.BaseName)))
                .Distinct()
                .GroupBy(x => (x.ProjectKey, x.Ticket))
                .Select(g => g.Count())
                .ToList();
            Assert.Contains(meetingsPerTicket, n => n >= 3);
            Assert.True(meetingsPerTicket.Count(n => n >= 2) >= 3, $"{team.Key}: tickets in several meetings: {string.Join(", ", meetingsPerTicket)}");

            // New ones keep appearing: not every ticket is there from the first weeks.
            var firstWeek = team.Select((m, i) => (m, i)).SelectMany(x => x.m.References.Where(r => r.Ticket is not null).Select(r => (r.ProjectKey, r.Ticket, x.i)))
                .GroupBy(x => (x.ProjectKey, x.Ticket)).Select(g => g.Min(x => x.i)).ToList();
            Assert.Contains(firstWeek, i => i >= 6);
        }
    }

    [Theory]
    [InlineData(ServerLayout.Fedora)]
    [InlineData(ServerLayout.Ubuntu)]
    [InlineData(ServerLayout.Debian)]
    [InlineData(ServerLayout.OpenStack)]
    public void Each_planted_reference_is_in_the_line_it_names(ServerLayout layout)
    {
        foreach (var m in Meetings(layout))
        {
            Assert.All(m.References, r =>
            {
                var line = m.Meeting.Lines[r.Line - 1];
                Assert.Equal(r.Line, line.Number);
                var text = line.Text;
                switch (r.Form)
                {
                    case PlantedForm.TicketUrl:
                        Assert.Contains(r.ProjectKey, text.ToLowerInvariant(), StringComparison.Ordinal);
                        Assert.Matches(@"[/=]" + r.Ticket + @"(\W|$)", text);
                        break;
                    case PlantedForm.RepositoryUrl:
                        Assert.Null(r.Ticket);
                        Assert.Contains("https://" + r.ProjectKey, text.ToLowerInvariant(), StringComparison.Ordinal);
                        break;
                    case PlantedForm.RedHatBugzilla:
                        Assert.Contains("rhbz#" + r.Ticket, text, StringComparison.Ordinal);
                        break;
                    case PlantedForm.Launchpad:
                        Assert.Contains("LP: #" + r.Ticket, text, StringComparison.Ordinal);
                        break;
                    default:
                        Assert.Matches(@"\bbug #?" + r.Ticket + @"\b", text);
                        Assert.Contains(m.References, earlier => earlier.Line < r.Line && earlier.Form == PlantedForm.TicketUrl
                            && earlier.Ticket == r.Ticket && earlier.ProjectKey == r.ProjectKey);
                        break;
                }
            });
        }
    }

    /// <summary>The oracle is written from what the generator said; the product's finder reads the text: they agree.</summary>
    [Theory]
    [InlineData(ServerLayout.Fedora)]
    [InlineData(ServerLayout.Ubuntu)]
    [InlineData(ServerLayout.Debian)]
    [InlineData(ServerLayout.OpenStack)]
    public void The_reference_finder_finds_exactly_the_planted_references(ServerLayout layout)
    {
        var finder = new ReferenceFinder();
        foreach (var m in Meetings(layout))
        {
            var found = finder.FindInMeeting([.. m.Meeting.Lines.Select(l => l.Text)])
                .SelectMany((refs, i) => refs.Select(r => (Line: i + 1, r.ProjectKey, Kind: ProjectReference.Name(r.ProjectKind), r.Ticket)))
                .Order()
                .ToList();
            var planted = m.References.Select(r => (r.Line, r.ProjectKey, Kind: r.ProjectKind, r.Ticket)).Distinct().Order().ToList();

            Assert.Equal(planted, found);
        }
    }

    [Theory]
    [InlineData(ServerLayout.Fedora)]
    [InlineData(ServerLayout.Ubuntu)]
    public void Long_running_subjects_come_back_spelt_differently_and_are_not_routine(ServerLayout layout)
    {
        var perTeam = Meetings(layout).Where(m => !m.IsRenameStub).GroupBy(m => m.Team);

        foreach (var team in perTeam)
        {
            var meetings = team.ToList();
            var mentions = meetings.SelectMany((m, id) => m.Meeting.Topics.Select((t, ordinal) => new TopicMention(id, m.Meeting.StartedAt!.Value, ordinal, t.Title)));
            var topics = TopicCatalog.Build(mentions, meetings.Select((m, id) => (id, m.Meeting.StartedAt!.Value)));
            var spellings = meetings.SelectMany(m => m.Meeting.Topics).GroupBy(t => TopicTitle.Of(t.Title).Key).ToDictionary(g => g.Key, g => g.Select(t => t.Title).Distinct().ToList());

            var subjects = topics.Where(t => !t.Routine && t.Meetings.Count >= 3 && spellings[t.Key].Count >= 2).ToList();
            Assert.True(subjects.Count >= 1, $"{team.Key}: no recurring subject with varied spellings among {string.Join("; ", topics.Select(t => $"{t.Key} x{t.Meetings.Count}"))}");
            Assert.All(subjects, s => Assert.True(s.Meetings.Count < meetings.Count / 2.0, $"{s.Key}: {s.Meetings.Count} of {meetings.Count}"));

            // The routine topics stay routine.
            Assert.Contains(topics, t => t.Routine && t.Key is "roll call" or "follow-up on action items");
        }
    }

    [Theory]
    [InlineData(ServerLayout.Fedora)]
    [InlineData(ServerLayout.Ubuntu)]
    public void The_same_seed_plants_the_same_references(ServerLayout layout)
    {
        var first = Meetings(layout).SelectMany(m => m.References.Select(r => (m.BaseName, r))).ToList();

        Assert.Equal(first, Meetings(layout).SelectMany(m => m.References.Select(r => (m.BaseName, r))));
        Assert.NotEqual(first, ServerGenerator.Generate(Server with { Layout = layout, Seed = 7 }).SelectMany(m => m.References.Select(r => (m.BaseName, r))));
        Assert.Empty(Meetings(layout).Where(m => m.IsRenameStub).SelectMany(m => m.References));
    }

    private static List<GeneratedMeeting> Meetings(ServerLayout layout) => [.. ServerGenerator.Generate(Server with { Layout = layout })];
}
