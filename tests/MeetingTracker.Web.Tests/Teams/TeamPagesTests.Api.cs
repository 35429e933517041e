using System.Net;
using MeetingTracker.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Teams;

public sealed partial class TeamPagesTests
{
    [Fact]
    public async Task The_api_lists_every_team_with_the_database_s_counts()
    {
        await using var db = site.Host.Db();
        var expected = await db.Meetings.GroupBy(m => m.Team!.Key).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken);

        var teams = await site.JsonAsync<List<TeamResponse>>("/api/teams");

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), teams.Select(t => KeyValuePair.Create(t.Key, t.Meetings)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(teams, t => Assert.Equal($"http://localhost/teams/{t.Key}", t.Url));
        Assert.All(teams, t => Assert.True(t.People > 0 && t.Actions > 0 && t.LatestMeetingUrl is not null, t.Key));
    }

    [Fact]
    public async Task The_api_gives_a_team_with_a_page_of_its_meetings()
    {
        var (key, meetings) = await BusiestTeamAsync();

        var team = await site.JsonAsync<TeamDetailResponse>($"/api/teams/{key}?page=2&pageSize=2");

        Assert.Equal((key, meetings.Count), (team.Key, team.Meetings));
        Assert.Equal((2, 2, meetings.Count, (meetings.Count + 1) / 2), (team.MeetingsPage.Page, team.MeetingsPage.PageSize, team.MeetingsPage.Total, team.MeetingsPage.Pages));
        Assert.Equal(meetings[2..4].Select(m => m.Id), team.MeetingsPage.Items.Select(m => m.Id));
        Assert.Equal(Generated(meetings[2]).Meeting.Topics.Count, team.MeetingsPage.Items[0].Topics.Count);
        Assert.Equal($"http://localhost/feeds/teams/{key}.ics", team.Calendar);
        Assert.Equal(HttpStatusCode.NotFound, (await site.StatusAsync("/api/teams/no-such-team")).Status);
    }
}
