using System.Globalization;
using System.Net;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Components.Pages.People;
using MeetingTracker.Web.Tests.Site;
using MeetingTracker.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.People;

/// <summary>The people index, the person page, its redirects and the people API, over one host.</summary>
public sealed class PeoplePagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_index_lists_people_by_name_or_by_meetings_and_filters_by_nick()
    {
        var people = await PeopleAsync();
        var nick = people.SelectMany(p => p.Nicks.Where(n => n != p.Name).Select(n => (Person: p, Nick: n))).First();

        var byName = await site.DocumentAsync("/people");
        var byMeetings = await site.DocumentAsync("/people?sort=meetings");
        var filtered = await site.DocumentAsync($"/people?q={Uri.EscapeDataString(nick.Nick.ToUpperInvariant())}");

        Assert.Equal(people.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase).Take(25), Names(byName));
        Assert.Contains($"{people.Count} people", byName.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        var counts = byMeetings.QuerySelectorAll("td[data-label=Meetings]").Select(td => td.Number()).ToList();
        Assert.Equal(people.Select(p => p.Meetings).OrderDescending().Take(25), counts);
        Assert.Contains(nick.Person.Name, Names(filtered));
        Assert.All(filtered.QuerySelectorAll("tbody tr"), r => Assert.Contains(nick.Nick, r.Text(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_person_page_shows_nicks_teams_meetings_and_actions_as_stored()
    {
        var person = (await PeopleAsync()).OrderByDescending(p => p.Actions.Count).ThenBy(p => p.Id).First();
        var ct = TestContext.Current.CancellationToken;
        await using var db = site.Host.Db();
        var attended = await db.Attendance.Where(a => a.PersonId == person.Id)
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { m.Id, m.StartedAt, a.Lines, Team = m.Team!.Key }).ToListAsync(ct);
        var meetings = attended.GroupBy(a => a.Id).Select(g => (g.Key, g.First().StartedAt, Lines: g.Sum(a => a.Lines), g.First().Team))
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Key).ToList();
        var ideas = await db.Items.CountAsync(i => i.PersonId == person.Id && i.Kind == ItemKind.Idea && i.RemovedAt == null, ct);

        var page = await site.DocumentAsync($"/people/{person.Name}");

        Assert.Equal(person.Nicks.Order(StringComparer.OrdinalIgnoreCase), page.QuerySelectorAll(".lead .nick").Select(n => n.Text()));
        Assert.Equal(
            [meetings.Count, meetings.Sum(m => m.Lines), person.Actions.Count, ideas],
            page.QuerySelectorAll(".counts:not(.accountability) dd").Select(dd => dd.Number()));
        Assert.Equal(
            meetings.GroupBy(m => m.Team).ToDictionary(g => g.Key, g => g.Count()).OrderBy(t => t.Key, StringComparer.Ordinal),
            page.QuerySelectorAll("#teams-heading ~ div tbody tr")
                .Select(r => KeyValuePair.Create(r.QuerySelector("a")!.GetAttribute("href")!["teams/".Length..], r.QuerySelector("td[data-label=Meetings]")!.Number()))
                .OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(
            meetings.Take(PersonPage.MeetingsPageSize).Select(m => ($"meetings/{m.Key}", m.Lines)),
            page.QuerySelectorAll("#meetings-heading ~ div tbody tr").Select(r => (r.QuerySelector("th a")!.GetAttribute("href")!, r.QuerySelector("td.num")!.Number())));
        var actions = page.QuerySelectorAll("#actions-heading ~ div tbody tr").ToList();
        Assert.Equal(person.Actions.Take(PersonPage.ItemsPageSize).Select(a => $"meetings/{a.MeetingId}#item-{a.Number}"), actions.Select(r => r.QuerySelector("td[data-label='Last seen'] a")!.GetAttribute("href")));
        Assert.All(actions, r => Assert.NotNull(ActionStates.Parse(r.QuerySelector("td[data-label=State]")!.Text())));
        Assert.All(actions, r => Assert.True(int.Parse(r.QuerySelector("td[data-label='Age (days)']")!.Text(), CultureInfo.InvariantCulture) >= 0));
        Assert.Equal($"feeds/people/{person.Name}.atom", page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_nick_or_another_spelling_redirects_to_the_person_s_name_and_nobody_is_not_found()
    {
        var person = (await PeopleAsync()).First(p => p.Nicks.Any(n => n != p.Name));
        var nick = person.Nicks.First(n => n != person.Name);

        Assert.Equal((HttpStatusCode.MovedPermanently, $"people/{Uri.EscapeDataString(person.Name)}"), await site.StatusAsync($"/people/{Uri.EscapeDataString(nick)}"));
        Assert.Equal((HttpStatusCode.MovedPermanently, $"people/{Uri.EscapeDataString(person.Name)}?page=2"), await site.StatusAsync($"/people/{Uri.EscapeDataString(nick.ToUpperInvariant())}?page=2"));
        Assert.Equal(HttpStatusCode.OK, (await site.StatusAsync($"/people/{Uri.EscapeDataString(person.Name)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.StatusAsync("/people/nobody-at-all")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.StatusAsync("/api/people/nobody-at-all")).Status);
    }

    [Fact]
    public async Task The_api_pages_people_and_gives_a_person_with_teams_and_actions()
    {
        var people = await PeopleAsync();
        var person = people.OrderByDescending(p => p.Actions.Count).ThenBy(p => p.Id).First();
        var nick = person.Nicks.FirstOrDefault(n => n != person.Name) ?? person.Name;

        var second = await site.JsonAsync<PageOfPeople>("/api/people?page=2&pageSize=5");
        var filtered = await site.JsonAsync<PageOfPeople>($"/api/people?q={Uri.EscapeDataString(person.Name)}&pageSize=100");
        var detail = await site.JsonAsync<PersonDetailResponse>($"/api/people/{Uri.EscapeDataString(nick)}?pageSize=3&page=2");

        Assert.Equal((2, 5, people.Count), (second.Page, second.PageSize, second.Total));
        Assert.Equal(people.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase).Skip(5).Take(5), second.Items.Select(p => p.Name));
        Assert.Contains(filtered.Items, p => p.Name == person.Name && p.Aliases.SequenceEqual(person.Nicks.Order(StringComparer.OrdinalIgnoreCase)));
        Assert.Equal((person.Name, person.Actions.Count), (detail.Name, detail.Actions));
        Assert.Equal((2, 3, person.Actions.Count), (detail.ActionsPage.Page, detail.ActionsPage.PageSize, detail.ActionsPage.Total));
        Assert.Equal(person.Actions.Skip(3).Take(3).Select(a => $"http://localhost/meetings/{a.MeetingId}#item-{a.Number}"), detail.ActionsPage.Items.Select(a => a.Url));
        Assert.NotEmpty(detail.Teams);
        Assert.Equal(detail.Meetings, detail.Teams.Sum(t => t.Meetings));
    }

    private static IEnumerable<string> Names(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("tbody th a").Select(a => a.Text());

    /// <summary>Every person with their nicks, distinct meetings attended and actions (newest first).</summary>
    private async Task<List<StoredPerson>> PeopleAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = site.Host.Db();
        var people = await db.People.Select(p => new { p.Id, p.Name, Nicks = p.Aliases.Select(a => a.Nick).ToList() }).ToListAsync(ct);
        var meetings = await db.Attendance.GroupBy(a => a.PersonId).Select(g => new { g.Key, Count = g.Select(a => a.MeetingId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var owned = (await db.ItemOwners.Select(o => new { o.ItemId, o.PersonId }).ToListAsync(ct)).ToLookup(o => o.ItemId, o => o.PersonId);
        var snapshot = await site.Host.Services.GetRequiredService<AccountabilityService>().SnapshotAsync(ct);
        var actions = snapshot.Actions.SelectMany(c => owned[c.Latest.ItemId].Select(p => (Person: p, c.Latest.MeetingId, c.Latest.Number)))
            .ToLookup(x => x.Person, x => (x.MeetingId, x.Number));
        Assert.True(people.Count > 10, "the API test pages people 5 at a time");
        return [.. people.Select(p => new StoredPerson(p.Id, p.Name, p.Nicks, meetings.GetValueOrDefault(p.Id), [.. actions[p.Id]]))];
    }

    private sealed record StoredPerson(int Id, string Name, List<string> Nicks, int Meetings, List<(int MeetingId, int Number)> Actions);

    private sealed record PageOfPeople(List<PersonResponse> Items, int Page, int PageSize, int Total);
}
