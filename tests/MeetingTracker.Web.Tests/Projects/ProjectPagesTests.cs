extern alias loggen;

using System.Net;
using System.Net.Http.Json;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Projects;

/// <summary>Eight weekly meetings of two teams, each with its repositories, tracker and tickets that LogGen plants.</summary>
public sealed class ProjectsFixture() : SiteFixture(new GeneratorOptions { Teams = 2, Weeks = 8, Seed = 21, IncludeUnfinished = false });

/// <summary>
/// /projects, /projects/{key} (and one ticket of it), their API and the references of an action page, against the
/// references the generator says it planted (<see cref="GeneratedMeeting.References"/>), not against the finder.
/// </summary>
public sealed class ProjectPagesTests(ProjectsFixture site) : IClassFixture<ProjectsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IEnumerable<(GeneratedMeeting Meeting, PlantedReference Reference)> Planted
        => site.Generated.SelectMany(m => m.References.Select(r => (m, r)));

    [Fact]
    public async Task The_api_lists_every_planted_project_with_its_meetings_and_tickets_most_mentioned_first()
    {
        var expected = Planted.GroupBy(p => p.Reference.ProjectKey)
            .ToDictionary(g => g.Key, g => (Kind: g.First().Reference.ProjectKind, Meetings: g.Select(p => p.Meeting.BaseName).Distinct().Count(), Tickets: g.Select(p => p.Reference.Ticket).OfType<string>().Distinct().Count()));
        Assert.True(expected.Count >= 3, "the generator plants projects");

        var projects = await site.JsonAsync<List<ProjectResponse>>("/api/projects");

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), projects.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(projects, p =>
        {
            Assert.Equal(expected[p.Key], (p.Kind, p.Meetings, p.Tickets));
            Assert.Equal("https://" + p.Key, p.Url);
        });
        Assert.Equal(projects.Select(p => p.Meetings).OrderDescending(), projects.Select(p => p.Meetings));
    }

    [Fact]
    public async Task A_projects_api_gives_its_tickets_and_every_line_that_mentioned_it_newest_first()
    {
        var key = Planted.GroupBy(p => p.Reference.ProjectKey).OrderByDescending(g => g.Count()).First().Key;
        var mine = Planted.Where(p => p.Reference.ProjectKey == key).ToList();
        var ids = await MeetingIdsAsync();

        var project = await site.JsonAsync<ProjectDetailResponse>("/api/projects/" + key);

        Assert.Equal(key, project.Key);
        Assert.Equal(
            mine.Where(p => p.Reference.Ticket is not null).GroupBy(p => p.Reference.Ticket!).Select(g => (g.Key, g.Select(p => p.Meeting.BaseName).Distinct().Count())).Order(),
            project.Tickets.Select(t => (t.Ticket, t.Meetings)).Order());
        Assert.Equal(
            mine.Select(p => (ids[(p.Meeting.Directory, p.Meeting.BaseName)], p.Reference.Line)).Distinct().Order(),
            project.Mentions.Select(m => (m.Meeting, m.Line!.Value)).Distinct().Order());
        Assert.Equal(project.Mentions.Select(m => m.StartedAt).OrderDescending(), project.Mentions.Select(m => m.StartedAt));
        Assert.Contains(project.Mentions, m => m.Kind == "said");
        Assert.Contains(project.Mentions, m => m.Kind != "said" && m.Item is not null);
    }

    [Fact]
    public async Task The_ticket_page_shows_what_happened_to_that_ticket_only()
    {
        var ticket = Planted.Where(p => p.Reference.Ticket is not null)
            .GroupBy(p => (p.Reference.ProjectKey, p.Reference.Ticket))
            .OrderByDescending(g => g.Select(p => p.Meeting.BaseName).Distinct().Count()).ThenBy(g => g.Key)
            .First();
        var (key, number) = (ticket.Key.ProjectKey, ticket.Key.Ticket!);

        var page = await site.DocumentAsync("/" + Links.ProjectTicket(key, number));
        var all = await site.DocumentAsync("/" + Links.Project(key));

        Assert.Equal(ticket.Select(p => p.Meeting.BaseName).Distinct().Count(), page.QuerySelectorAll("article.project-meeting").Length);
        Assert.Contains(number, page.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.True(all.QuerySelectorAll("article.project-meeting").Length >= page.QuerySelectorAll("article.project-meeting").Length);
        Assert.Contains(all.QuerySelectorAll("table.tickets-table a"), a => a.GetAttribute("href") == Links.ProjectTicket(key, number));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync(new Uri("/" + Links.ProjectTicket(key, "999999999"), UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync(new Uri("/projects/example.org/nothing-here", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync(new Uri("/api/projects/example.org/nothing-here", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task An_action_that_names_a_ticket_lists_it_and_links_it()
    {
        var planted = Planted.First(p => p.Reference.Ticket is not null && p.Meeting.Meeting.Items.Any(i => i.Kind == ItemKind.Action && i.Line == p.Reference.Line));
        var ids = await MeetingIdsAsync();
        var meetingId = ids[(planted.Meeting.Directory, planted.Meeting.BaseName)];
        await using var db = site.Host.Db();
        var itemId = await db.Items.Where(i => i.MeetingId == meetingId && i.Line == planted.Reference.Line && i.Kind == ItemKind.Action).Select(i => i.Id).FirstAsync(Ct);
        var snapshot = await site.Host.Services.GetRequiredService<AccountabilityService>().SnapshotAsync(Ct);
        var chain = snapshot.ChainOfItem(itemId)!;
        var ticketLink = Links.ProjectTicket(planted.Reference.ProjectKey, planted.Reference.Ticket!);

        var page = await site.DocumentAsync("/" + Links.Action(chain.Id));

        Assert.Contains(page.QuerySelectorAll("ul.references a"), a => a.GetAttribute("href") == ticketLink);
        Assert.NotEmpty(page.QuerySelectorAll("h1.action-title a"));
    }

    private async Task<Dictionary<(string Folder, string Key), int>> MeetingIdsAsync()
    {
        await using var db = site.Host.Db();
        return await db.Meetings.ToDictionaryAsync(m => (m.Folder, m.MeetingKey), m => m.Id, Ct);
    }
}

/// <summary>The project pages follow harvests and re-reads, and a team's own pattern, like every page.</summary>
public sealed class ProjectsFollowHarvestsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_mention_a_reread_and_a_team_pattern_show_on_the_next_request()
    {
        await using var host = new TrackerHost(new GeneratorOptions { Teams = 0, Weeks = 0 })
            .With("MeetingTracker:Teams:infra:References:0:Pattern", @"(?<![\w&])#(\d+)\b")
            .With("MeetingTracker:Teams:infra:References:0:Url", "https://pagure.io/fedora-infrastructure/issue/$1");
        var folder = Path.Combine(host.LogsDir, "infra");
        Directory.CreateDirectory(folder);
        var log = Path.Combine(folder, "infra.2024-01-08-15.00.log.txt");
        static string Log(params string[] said)
            => $"15:00:00 <alice> #startmeeting infra\n{string.Concat(said.Select((l, i) => $"15:01:{i:00} <alice> {l}\n"))}15:30:00 <alice> #endmeeting\n";
        File.WriteAllText(log, Log("#info ticket #77 is fixed", "#action bob to review https://github.com/acme/widget/pull/42"));
        using var client = host.CreateClient();
        await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, Ct);

        Assert.Equal(["github.com/acme/widget", "pagure.io/fedora-infrastructure"], await KeysAsync(client));

        File.WriteAllText(log, Log("#info ticket #77 is fixed", "#action bob to review https://gitlab.com/acme/widget/-/merge_requests/9"));
        File.WriteAllText(Path.Combine(folder, "infra.2024-01-15-15.00.log.txt"), Log("see rhbz#2000001."));
        await host.HarvestNowAsync(Ct);

        Assert.Equal(["bugzilla.redhat.com", "gitlab.com/acme/widget", "pagure.io/fedora-infrastructure"], await KeysAsync(client));
    }

    private static async Task<List<string>> KeysAsync(HttpClient client)
    {
        var projects = await client.GetFromJsonAsync<List<ProjectResponse>>(new Uri("/api/projects", UriKind.Relative), System.Text.Json.JsonSerializerOptions.Web, Ct);
        return [.. projects!.Select(p => p.Key).Order(StringComparer.Ordinal)];
    }
}
