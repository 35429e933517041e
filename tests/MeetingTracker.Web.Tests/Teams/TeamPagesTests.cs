extern alias loggen;

using MeetingTracker.Web.Components.Common;
using System.Net;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Teams;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Teams;

/// <summary>The team index, the team page and its redirects (the API in TeamPagesTests.Api.cs), over one host.</summary>
public sealed partial class TeamPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_index_lists_every_generated_team_with_its_meeting_count_latest_activity_first()
    {
        var teamOf = await TeamOfMeetingAsync();
        var expected = site.Generated.GroupBy(g => teamOf[(g.Directory, g.BaseName)]).ToDictionary(g => g.Key, g => g.Count());

        var page = await site.DocumentAsync("/teams");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(site.Generated.Select(g => g.Team).Distinct().Count(), expected.Count);
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            rows.Select(r => KeyValuePair.Create(r.QuerySelector("th a")!.GetAttribute("href")!["teams/".Length..], r.QuerySelector("td[data-label=Meetings]")!.Number()))
                .OrderBy(e => e.Key, StringComparer.Ordinal));
        var last = rows.Select(r => r.QuerySelector("td[data-label='Last meeting'] time")!.GetAttribute("datetime")!).ToList();
        Assert.Equal(last.OrderDescending(StringComparer.Ordinal), last);
    }

    [Fact]
    public async Task The_timeline_shows_the_newest_meetings_with_their_topics_and_pages_on()
    {
        var (key, meetings) = await BusiestTeamAsync();
        Assert.True(meetings.Count >= 4);

        var first = await site.DocumentAsync($"/teams/{key}?pageSize=2");
        var second = await site.DocumentAsync($"/teams/{key}?pageSize=2&page=2");

        foreach (var (page, shown) in new[] { (first, meetings[..2]), (second, meetings[2..4]) })
        {
            var rows = page.QuerySelectorAll("table.timeline tbody tr").ToList();
            Assert.Equal(shown.Select(m => $"meetings/{m.Id}"), rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")));
            Assert.Equal(
                shown.Select(m => string.Join(" | ", Generated(m).Meeting.Topics.Select(t => Squeeze(IrcText.Clean(t.Title))))),
                rows.Select(r => string.Join(" | ", r.QuerySelectorAll("ul.topics li").Select(li => li.Text()))));
        }

        Assert.Contains("page=2", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains($"page 2 of {(meetings.Count + 1) / 2}", second.QuerySelector("table.timeline caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(meetings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), first.QuerySelector(".counts dd")!.Text());
    }

    [Fact]
    public async Task The_page_shows_attendance_recent_actions_and_people_as_the_database_has_them()
    {
        var (key, meetings) = await BusiestTeamAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var db = site.Host.Db();
        var ids = meetings.Select(m => m.Id).ToList();
        var present = await db.Attendance.Where(a => ids.Contains(a.MeetingId)).Select(a => new { a.MeetingId, a.PersonId, a.Person!.Name }).Distinct().ToListAsync(ct);
        var teamId = await db.Teams.Where(t => t.Key == key).Select(t => t.Id).SingleAsync(ct);
        var chains = (await site.Host.Services.GetRequiredService<AccountabilityService>().SnapshotAsync(ct)).Actions
            .Where(c => c.TeamId == teamId).Take(TeamDigests.RecentItems).ToList();
        var latest = chains.Select(c => c.Latest.ItemId).ToList();
        var texts = await db.Items.Where(i => latest.Contains(i.Id)).Select(i => new { i.Id, i.Text, Owners = i.Owners.Count }).ToDictionaryAsync(i => i.Id, ct);
        var actions = chains.Select(c => new { texts[c.Latest.ItemId].Text, c.Latest.MeetingId, c.Latest.Number, texts[c.Latest.ItemId].Owners, c.CarriedOver }).ToList();

        var page = await site.DocumentAsync($"/teams/{key}");

        var chart = page.QuerySelector("#attendance-heading + .chart-and-table svg[role=img]");
        Assert.NotNull(chart);
        Assert.Equal(Math.Min(meetings.Count, TeamDigests.AttendanceMeetings), chart.QuerySelectorAll("rect").Length);
        var attendance = page.QuerySelectorAll("table.attendance tbody tr").Select(r => (r.QuerySelector("a")!.GetAttribute("href")!, r.QuerySelector("td")!.Number()));
        Assert.Equal(
            meetings.Take(TeamDigests.AttendanceMeetings).Reverse().Select(m => ($"meetings/{m.Id}", present.Count(p => p.MeetingId == m.Id))),
            attendance);

        var actionRows = page.QuerySelectorAll("#actions-heading ~ div tbody tr").ToList();
        Assert.NotEmpty(actions);
        Assert.Equal(actions.Select(a => Squeeze(a.Text)), actionRows.Select(r => r.QuerySelector("td")!.Text()));
        Assert.Equal(actions.Select(a => $"meetings/{a.MeetingId}#item-{a.Number}"), actionRows.Select(r => r.QuerySelector("td[data-label='Last seen'] a")!.GetAttribute("href")));
        Assert.Equal(actions.Select(a => a.CarriedOver), actionRows.Select(r => r.QuerySelector("td[data-label='Carried over']")!.Number()));
        Assert.All(actionRows, r => Assert.NotNull(ActionStates.Parse(r.QuerySelector("td[data-label=State]")!.Text())));
        Assert.Equal(actions.Select(a => a.Owners), actionRows.Select(r => r.QuerySelectorAll("td[data-label=Owners] a[href^='people/']").Length));

        var people = present.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var peopleRows = page.QuerySelectorAll("#people-heading ~ div tbody tr");
        Assert.Equal(
            people.OrderBy(p => p.Key, StringComparer.Ordinal),
            peopleRows.Select(r => KeyValuePair.Create(r.QuerySelector("th a")!.Text(), r.QuerySelector("td[data-label=Meetings]")!.Number())).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_page_links_its_feeds_and_its_latest_meeting_redirects_to_the_newest()
    {
        var (key, meetings) = await BusiestTeamAsync();

        var page = await site.DocumentAsync($"/teams/{key}");
        var latest = await site.StatusAsync($"/teams/{key}/latest");

        Assert.Equal($"feeds/teams/{key}.atom", page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"main a[href='feeds/teams/{key}.atom']"));
        Assert.NotNull(page.QuerySelector($"main a[href='feeds/teams/{key}.ics']"));
        Assert.Equal((HttpStatusCode.Found, $"meetings/{meetings[0].Id}"), latest);
    }

    [Fact]
    public async Task An_alias_or_a_differently_spelled_name_redirects_to_the_team_s_key()
    {
        var (key, _) = await BusiestTeamAsync();
        await new AliasEditor(site.Host.Services.GetRequiredService<IDbContextFactory<TrackerDb>>()).MoveTeamAliasAsync("Old Name (2019-01-01)", key, TestContext.Current.CancellationToken);
        site.Host.Services.GetRequiredService<DigestCache>().Clear();
        await site.Host.Services.GetRequiredService<Caching.PageCacheEviction>().EvictAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.MovedPermanently, $"teams/{key}"), await site.StatusAsync("/teams/old-name"));
        Assert.Equal((HttpStatusCode.MovedPermanently, $"teams/{key}?page=2"), await site.StatusAsync("/teams/Old_Name?page=2"));
        Assert.Equal((HttpStatusCode.MovedPermanently, $"teams/{key}"), await site.StatusAsync($"/teams/{key.ToUpperInvariant()}"));
        var page = await site.DocumentAsync($"/teams/{key}");
        Assert.Contains("old-name", page.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/teams/no-such-team")]
    [InlineData("/teams/no-such-team/latest")]
    public async Task An_unknown_team_is_not_found(string path)
    {
        var (status, _) = await site.StatusAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private async Task<Dictionary<(string Folder, string MeetingKey), string>> TeamOfMeetingAsync()
    {
        await using var db = site.Host.Db();
        var rows = await db.Meetings.Select(m => new { m.Folder, m.MeetingKey, m.Team!.Key }).ToListAsync(TestContext.Current.CancellationToken);
        return rows.ToDictionary(r => (r.Folder, r.MeetingKey), r => r.Key);
    }

    /// <summary>The team with the most meetings and its meetings, newest first.</summary>
    private async Task<(string Key, List<StoredMeeting> Meetings)> BusiestTeamAsync()
    {
        await using var db = site.Host.Db();
        var ct = TestContext.Current.CancellationToken;
        var key = await db.Meetings.GroupBy(m => m.Team!.Key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(ct);
        var meetings = await db.Meetings.Where(m => m.Team!.Key == key).OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Select(m => new StoredMeeting(m.Id, m.Folder, m.MeetingKey)).ToListAsync(ct);
        return (key, meetings);
    }

    private loggen::MeetingTracker.LogGen.Generation.GeneratedMeeting Generated(StoredMeeting m)
        => site.Generated.Single(g => g.Directory == m.Folder && g.BaseName == m.MeetingKey);

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record StoredMeeting(int Id, string Folder, string MeetingKey);

    [Fact]
    public async Task Many_requests_at_once_each_get_the_whole_page()
    {
        // Under load the events' read waits for its gate, so a component renders once before its data is there: the
        // team page's recent actions did, and answered 500 (found by the http bench). Forty at once, each must be whole.
        var ct = TestContext.Current.CancellationToken;
        var key = (await site.DocumentAsync("/teams")).QuerySelector("main table a[href^='teams/']")!.GetAttribute("href")!;
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await site.Client.GetAsync(new Uri("/" + key, UriKind.Relative), ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(ct));
        }));

        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Contains("Carried over", a.Body, StringComparison.Ordinal));
    }
}
