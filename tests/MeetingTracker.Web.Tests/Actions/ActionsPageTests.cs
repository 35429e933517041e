using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>
/// /actions and GET /api/actions over the generated server (January and February 2026, so every action is older than
/// its due window: overdue when its team's latest meeting carries it, dropped otherwise).
/// </summary>
public sealed class ActionsPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Each_generated_action_is_one_row_with_the_generators_carried_over_count_and_state()
    {
        var meetings = await GeneratedActions.MeetingsByIdAsync(site);
        var expected = GeneratedActions.All(site);
        var actions = await AllActionsAsync("/api/actions");

        var actual = actions.Select(a => (meetings[a.MeetingId].Team, a.Text, a.CarriedOver, a.State)).Order().ToList();
        Assert.Equal(expected.Select(e => (e.Team, e.Text, e.CarriedOver, e.State)).Order().ToList(), actual);
        Assert.Contains(expected, e => e.DoneNoted);
        Assert.Contains(expected, e => e.CarriedOver >= 2);
        Assert.Contains(expected, e => e.InTeamsLatestMeeting);
        Assert.All(actions, a => Assert.InRange(a.AgeDays, (int)Math.Floor((Now() - a.FirstRaised).TotalDays) - 1, (int)Math.Floor((Now() - a.FirstRaised).TotalDays)));
        Assert.All(actions, a => Assert.True(a.FirstRaised <= a.LastSeen));
    }

    [Fact]
    public async Task The_page_shows_a_table_of_actions_linked_to_their_items_owners_and_teams()
    {
        var page = await site.DocumentAsync("/actions?sort=carried");
        var first = (await site.JsonAsync<ActionsAnswer>("/api/actions?sort=carried&pageSize=25")).Items;

        Assert.Equal("Actions · MeetingTracker", page.Title);
        Assert.Equal(8, page.QuerySelectorAll("table.actions thead th[scope=col]").Length);
        Assert.StartsWith("Actions, most carried over: page 1 of ", page.QuerySelector("table.actions caption")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("table.actions tbody tr");
        Assert.Equal(first.Select(a => a.Text), rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent));
        for (var i = 0; i < rows.Length; i++)
        {
            var (row, action) = (rows[i], first[i]);
            Assert.Equal(Links.Team(action.Team.Key), Cell(row, "Team").QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(action.Url.PathAndQuery.TrimStart('/') + action.Url.Fragment, Cell(row, "Last seen").QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(action.FirstUrl.PathAndQuery.TrimStart('/') + action.FirstUrl.Fragment, Cell(row, "First raised").QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(action.Owners.Select(o => Links.Person(o.Name!)), Cell(row, "Assignees").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
            Assert.Equal(action.CarriedOver.ToString(CultureInfo.InvariantCulture), Cell(row, "Carried over").TextContent);
            Assert.Equal(action.State, Cell(row, "State").TextContent);
        }

        Assert.Contains(first, a => a.Owners.Count > 0);
    }

    [Fact]
    public async Task Filters_narrow_by_team_person_state_and_age()
    {
        var all = await AllActionsAsync("/api/actions");
        var sample = all.First(a => a.State == "dropped" && a.Owners.Count > 0);
        var (team, owner) = (sample.Team.Key, sample.Owners[0].Name!);
        var ages = all.Select(a => a.AgeDays).Order().ToList();
        var minAge = ages[ages.Count / 2];

        Assert.Equal(all.Where(a => a.Team.Key == team).Select(a => a.Id), (await AllActionsAsync($"/api/actions?team={team}")).Select(a => a.Id));
        Assert.Equal(all.Where(a => a.Owners.Any(o => o.Name == owner)).Select(a => a.Id), (await AllActionsAsync($"/api/actions?person={Uri.EscapeDataString(owner)}")).Select(a => a.Id));
        Assert.Equal(all.Where(a => a.State == "overdue").Select(a => a.Id), (await AllActionsAsync("/api/actions?state=overdue")).Select(a => a.Id));
        Assert.Equal(all.Where(a => a.State is not ("dropped" or "done")).Select(a => a.Id), (await AllActionsAsync("/api/actions?state=active")).Select(a => a.Id));
        Assert.Equal(all.Where(a => a.AgeDays >= minAge).Select(a => a.Id), (await AllActionsAsync($"/api/actions?minAgeDays={minAge}")).Select(a => a.Id));

        var page = await site.DocumentAsync($"/actions?team={team}&state=dropped&person={Uri.EscapeDataString(owner.ToUpperInvariant())}");
        var expected = all.Where(a => a.Team.Key == team && a.State == "dropped" && a.Owners.Any(o => o.Name == owner)).ToList();
        Assert.Equal(expected.Count == 1 ? "1 action" : $"{expected.Count} actions", page.QuerySelector("#actions-heading")!.TextContent);
        Assert.All(page.QuerySelectorAll("table.actions tbody tr"), r => Assert.Equal("dropped", Cell(r, "State").TextContent));
        Assert.Equal(team, page.QuerySelector("#actions-team option[selected]")!.GetAttribute("value"));
        Assert.Equal("dropped", page.QuerySelector("#actions-state option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Sorting_by_age_team_and_carried_over_count()
    {
        var byAge = await AllActionsAsync("/api/actions?sort=age");
        var byTeam = await AllActionsAsync("/api/actions?sort=team");
        var byCarried = await AllActionsAsync("/api/actions?sort=carried");
        var latest = await AllActionsAsync("/api/actions");

        Assert.Equal(byAge.Select(a => a.FirstRaised).Order(), byAge.Select(a => a.FirstRaised));
        Assert.Equal(byTeam.Select(a => a.Team.Name).Order(StringComparer.OrdinalIgnoreCase), byTeam.Select(a => a.Team.Name));
        Assert.Equal(byCarried.Select(a => a.CarriedOver).OrderDescending(), byCarried.Select(a => a.CarriedOver));
        Assert.Equal(latest.Select(a => a.LastSeen).OrderDescending(), latest.Select(a => a.LastSeen));
        Assert.Equal(latest.Select(a => a.Id).Order(), byAge.Select(a => a.Id).Order());

        var page = await site.DocumentAsync("/actions?sort=age");
        Assert.Equal(byAge.Take(25).Select(a => a.Text), page.QuerySelectorAll("table.actions tbody th[scope=row]").Select(th => th.TextContent));
    }

    [Fact]
    public async Task Pages_of_25_with_links_that_keep_the_filters()
    {
        var all = await AllActionsAsync("/api/actions?sort=age");
        Assert.True(all.Count > 25, "the generated server has more than a page of actions");

        var first = await site.DocumentAsync("/actions?sort=age");
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("sort=age", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.False(Uri.IsWellFormedUriString(next, UriKind.Absolute), "pager links are relative");
        var second = await site.DocumentAsync("/" + next);
        Assert.Equal(all.Skip(25).Take(25).Select(a => a.Text), second.QuerySelectorAll("table.actions tbody th[scope=row]").Select(th => th.TextContent));

        var api = await site.JsonAsync<ActionsAnswer>("/api/actions?pageSize=7&page=2");
        Assert.Equal((7, 2, all.Count, (all.Count + 6) / 7), (api.Items.Count, api.Page, api.Total, api.Pages));
        var c = api.Counts;
        Assert.Equal(all.Count, c.Open + c.Overdue + c.Dropped + c.Done + c.InProgress + c.NeedHelp + c.NoTime + c.WontDo);
    }

    [Fact]
    public async Task Empty_results_and_unknown_filters_say_so()
    {
        var none = await site.DocumentAsync("/actions?minAgeDays=100000");
        var team = await site.DocumentAsync("/actions?team=no-such-team");
        var state = await site.DocumentAsync("/actions?state=finished");
        var (status, body) = await site.GetAsync("/api/actions?state=finished");
        var unknownPerson = await site.JsonAsync<ActionsAnswer>("/api/actions?person=nobody-at-all");

        Assert.Equal("No actions match these filters.", none.QuerySelector("main .empty")!.TextContent);
        Assert.Null(none.QuerySelector("table.actions"));
        Assert.Equal("No team is called 'no-such-team'.", team.QuerySelector("main .error")!.TextContent);
        Assert.Equal("Unknown state 'finished': use open, overdue, dropped, done, in-progress, need-help, no-time, wont-do or active.", state.QuerySelector("main .error")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Unknown state", body, StringComparison.Ordinal);
        Assert.Equal((0, "No one is called 'nobody-at-all'."), (unknownPerson.Total, unknownPerson.Error));
    }

    private Task<List<ActionAnswer>> AllActionsAsync(string path)
        => site.AllAsync<ActionsAnswer, ActionAnswer>(path, a => (a.Items, a.Pages));

    private DateTimeOffset Now() => ((TimeProvider)site.Host.Services.GetService(typeof(TimeProvider))!).GetUtcNow();

    private static IElement Cell(IElement row, string label) => row.QuerySelector($"[data-label='{label}']")!;
}
