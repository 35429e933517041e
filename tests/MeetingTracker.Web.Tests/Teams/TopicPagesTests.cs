extern alias loggen;

using System.Net;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Topics;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Teams;

/// <summary>Twelve weekly meetings of two teams: enough for standing items to be told from subjects.</summary>
public sealed class TopicsFixture() : SiteFixture(new GeneratorOptions { Teams = 2, Weeks = 12, Seed = 15 });

/// <summary>
/// The team's topics, one topic's page, /api/teams/{team}/topics and the next meeting's agenda (page and API), against
/// what the generator wrote and what the accountability snapshot holds.
/// </summary>
public sealed class TopicPagesTests(TopicsFixture site) : IClassFixture<TopicsFixture>
{
    private static readonly string[] Standing = ["Roll call", "Open floor", "Follow-up on action items"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the generator's meetings of one team say of each topic, counted here from the parsed meetings.</summary>
    private sealed record Expected(string Key, int Meetings, DateTimeOffset First, DateTimeOffset Last, bool Routine);

    private async Task<(string Team, List<GeneratedMeeting> Meetings)> TeamAsync(int index)
    {
        await using var db = site.Host.Db();
        var rows = await db.Meetings.Select(m => new { m.Folder, m.MeetingKey, m.Team!.Key }).ToListAsync(Ct);
        var teams = rows.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var team = teams[index];
        var meetings = site.Generated.Where(g => team.Any(r => r.Folder == g.Directory && r.MeetingKey == g.BaseName)).ToList();
        return (team.Key, meetings);
    }

    // The rule, written again from its statement: at least five meetings, and at least half of the team's meetings
    // since the topic first came up.
    private static List<Expected> ExpectedTopics(List<GeneratedMeeting> meetings)
    {
        var starts = meetings.Select(m => m.Meeting.StartedAt!.Value).ToList();
        return [.. meetings
            .SelectMany(m => m.Meeting.Topics.Select(t => (Key: TopicTitle.Of(t.Title).Key, Start: m.Meeting.StartedAt!.Value, m.BaseName)))
            .GroupBy(x => x.Key)
            .Select(g =>
            {
                var held = g.DistinctBy(x => x.BaseName).ToList();
                var first = held.Min(x => x.Start);
                var since = starts.Count(s => s >= first);
                return new Expected(g.Key, held.Count, first, held.Max(x => x.Start), held.Count >= 5 && held.Count * 2 >= since);
            })];
    }

    [Fact]
    public async Task The_api_gives_each_topic_with_its_meetings_first_and_last_time_and_whether_it_is_routine()
    {
        foreach (var index in new[] { 0, 1 })
        {
            var (team, meetings) = await TeamAsync(index);
            var expected = ExpectedTopics(meetings);

            var topics = await site.JsonAsync<List<TopicResponse>>($"/api/teams/{team}/topics");

            Assert.Equal(
                expected.Select(e => (e.Meetings, e.First, e.Last, e.Routine)).Order(),
                topics.Select(t => (t.Meetings, t.First, t.Last, t.Routine)).Order());
            Assert.Equal(topics.Count, topics.Select(t => t.Slug).Distinct().Count());
            Assert.Equal(topics.Select(t => t.Last).OrderDescending(), topics.Select(t => t.Last));

            // The generator's standing items come up in most meetings; its subjects in a few.
            Assert.Contains(topics, t => t.Routine && t.Title == "Open floor");
            Assert.Contains(topics, t => !t.Routine);
        }
    }

    [Fact]
    public async Task The_topics_page_lists_subjects_apart_from_standing_items_each_linked_to_its_page()
    {
        var (team, meetings) = await TeamAsync(0);
        var expected = ExpectedTopics(meetings);

        var page = await site.DocumentAsync($"/teams/{team}/topics");

        var rows = page.QuerySelectorAll("table.topics-table tbody tr").ToList();
        Assert.Equal(expected.Count(e => !e.Routine), rows.Count);
        Assert.All(rows, r => Assert.StartsWith($"teams/{team}/topics/", r.QuerySelector("th a")!.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(expected.Count(e => e.Routine), page.QuerySelectorAll("ul.routine li").Length);
        Assert.NotNull((await site.DocumentAsync($"/teams/{team}")).QuerySelector($"main a[href='teams/{team}/topics']"));
    }

    [Fact]
    public async Task A_topic_page_shows_each_meeting_that_discussed_it_with_that_topic_s_items_in_order()
    {
        var (team, meetings) = await TeamAsync(0);
        var topics = await site.JsonAsync<List<TopicResponse>>($"/api/teams/{team}/topics");
        var subject = topics.Where(t => !t.Routine).OrderByDescending(t => t.Meetings).ThenBy(t => t.Slug, StringComparer.Ordinal).First();
        var key = TopicTitle.Of(subject.Title).Key;

        // Per meeting that discussed it, newest first: the items MeetBot recorded under it.
        var expected = meetings
            .OrderByDescending(m => m.Meeting.StartedAt)
            .SelectMany(m => m.Meeting.Topics.Select((t, i) => (Meeting: m.Meeting, Index: i, t.Title)))
            .Where(x => TopicTitle.Of(x.Title).Key == key)
            .Select(x => x.Meeting.Items.Where(i => i.TopicIndex == x.Index).Select(i => string.Join(' ', IrcText.Clean(i.Text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList())
            .ToList();

        var page = await site.DocumentAsync($"/teams/{team}/topics/{subject.Slug}");

        Assert.Equal(subject.Title, page.QuerySelector("h1")!.Text());
        var articles = page.QuerySelectorAll("article.topic-meeting").ToList();
        Assert.Equal(subject.Meetings, articles.Count);
        Assert.Equal(expected, articles.Select(a => a.QuerySelectorAll("ol.topic-items li span.text").Select(l => l.Text()).ToList()));
        Assert.All(articles, a => Assert.Matches(@"^meetings/\d+#l-\d+$", a.QuerySelector("p.log-span a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task Unknown_topics_and_teams_are_not_found_and_an_alias_redirects_to_the_team_s_key()
    {
        var (team, _) = await TeamAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await site.StatusAsync($"/teams/{team}/topics/no-such-topic")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.StatusAsync("/teams/no-such-team/topics")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.StatusAsync("/api/teams/no-such-team/topics")).Status);
        Assert.Equal((HttpStatusCode.MovedPermanently, $"teams/{team}/topics"), await site.StatusAsync($"/teams/{team.ToUpperInvariant()}/topics"));
    }

    [Fact]
    public async Task The_agenda_lists_every_open_action_of_the_team_oldest_first_under_its_follow_up_topic()
    {
        var (team, _) = await TeamAsync(0);
        await using var db = site.Host.Db();
        var teamId = await db.Teams.Where(t => t.Key == team).Select(t => t.Id).SingleAsync(Ct);
        var accountability = site.Host.Services.GetRequiredService<AccountabilityService>();
        var snapshot = await accountability.SnapshotAsync(Ct);
        var expected = snapshot.Actions.Where(c => c.TeamId == teamId && !c.InferState(accountability.Now(), accountability.DueDays).IsClosed())
            .OrderBy(c => c.First.Time).ThenBy(c => c.Id).Select(c => c.Id).ToList();

        var agenda = await site.JsonAsync<Agenda>($"/api/teams/{team}/agenda");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, agenda.Actions.Select(a => a.ChainId));
        Assert.All(agenda.Actions, a => Assert.Equal($"http://localhost/actions/{a.ChainId}", a.Url));

        // The generator's team follows up under "Follow-up on action items", opens with "Roll call", closes with "Open floor"
        // (and a subject it happened to take up in most meetings lately counts as standing too: the rule is frequency).
        var routine = (await site.JsonAsync<List<TopicResponse>>($"/api/teams/{team}/topics")).Where(t => t.Routine).Select(t => t.Title).ToHashSet();
        Assert.Equal("Follow-up on action items", agenda.FollowUp.Title);
        Assert.Equal($"http://localhost/teams/{team}/topics/follow-up-on-action-items", agenda.FollowUp.Url);
        Assert.Equal("Roll call", agenda.Opening[0].Title);
        Assert.Equal("Open floor", agenda.Closing[^1].Title);
        Assert.Equal(routine.Order(), agenda.Opening.Concat(agenda.Closing).Select(t => t.Title).Append(agenda.FollowUp.Title).Order());
        Assert.All(agenda.LeftOpen, t => Assert.DoesNotContain(t.Title, Standing));
    }

    [Fact]
    public async Task The_agenda_is_given_as_meetbot_commands_markdown_and_text_and_an_unknown_format_is_refused()
    {
        var (team, _) = await TeamAsync(1);
        var agenda = await site.JsonAsync<Agenda>($"/api/teams/{team}/agenda");

        using var meetbot = await site.Client.GetAsync(new Uri($"/api/teams/{team}/agenda?format=meetbot", UriKind.Relative), Ct);
        var commands = await meetbot.Content.ReadAsStringAsync(Ct);
        Assert.Equal("text/plain", meetbot.Content.Headers.ContentType!.MediaType);
        Assert.Equal(agenda.Actions.Select(a => "#action " + a.Text), commands.Split('\n').Where(l => l.StartsWith("#action ", StringComparison.Ordinal)));
        Assert.StartsWith("#topic ", commands, StringComparison.Ordinal);

        using var markdown = await site.Client.GetAsync(new Uri($"/api/teams/{team}/agenda?format=markdown", UriKind.Relative), Ct);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# Agenda for the next meeting of ", await markdown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await site.StatusAsync($"/api/teams/{team}/agenda?format=pdf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.StatusAsync("/api/teams/no-such-team/agenda?format=text")).Status);
    }

    [Fact]
    public async Task The_agenda_page_shows_the_agenda_with_each_action_linked_and_the_three_formats_to_copy()
    {
        var (team, _) = await TeamAsync(0);
        var agenda = await site.JsonAsync<Agenda>($"/api/teams/{team}/agenda");

        var page = await site.DocumentAsync($"/teams/{team}/agenda");

        Assert.Equal(agenda.Actions.Select(a => $"actions/{a.ChainId}"), page.QuerySelectorAll("ul.agenda-actions li > a").Select(a => a.GetAttribute("href")));
        Assert.Equal(agenda.Opening.Count + 1 + (agenda.Ideas.Count > 0 ? 1 : 0) + agenda.LeftOpen.Count + agenda.Closing.Count, page.QuerySelectorAll("ol.agenda > li").Length);
        Assert.Equal(AgendaWriter.Write(agenda, AgendaFormat.MeetBot).TrimEnd(), page.QuerySelector("pre.agenda-meetbot")!.TextContent.TrimEnd());
        Assert.NotNull(page.QuerySelector("pre.agenda-markdown"));
        Assert.NotNull(page.QuerySelector("pre.agenda-text"));
        Assert.NotNull((await site.DocumentAsync($"/teams/{team}")).QuerySelector($"main a[href='teams/{team}/agenda']"));
        Assert.Equal((HttpStatusCode.MovedPermanently, $"teams/{team}/agenda"), await site.StatusAsync($"/teams/{team.ToUpperInvariant()}/agenda"));
    }
}
