using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Meetings;

public sealed class MeetingsApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_list_is_newest_first_paged_with_counts_and_page_urls()
    {
        var first = await GetAsync("/api/meetings?pageSize=5");
        var second = await GetAsync("/api/meetings?pageSize=5&page=2");

        await using var db = site.Host.Db();
        var newest = await db.Meetings.OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id).Select(m => m.Id).Take(10).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(site.Generated.Count, first.GetProperty("total").GetInt32());
        Assert.Equal(5, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(newest, Ids(first).Concat(Ids(second)));
        var row = first.GetProperty("items")[0];
        Assert.Equal($"http://localhost/meetings/{newest[0]}", row.GetProperty("url").GetString());
        foreach (var name in new[] { "key", "team", "teamName", "title", "startedAt", "endedAt", "lineCount", "actions", "ideas" })
        {
            Assert.True(row.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public async Task The_list_counts_actions_and_ideas_and_filters_by_team()
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);
        await using var db = site.Host.Db();
        var team = await db.Meetings.Where(m => m.Id == id).Select(m => m.Team!.Key).SingleAsync(TestContext.Current.CancellationToken);

        var list = await GetAsync($"/api/meetings?team={team}&pageSize=100");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(team, i.GetProperty("team").GetString()));
        Assert.Equal(site.Generated.Count(g => g.Team == meeting.Team), list.GetProperty("total").GetInt32());
        var row = items.Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(meeting.Meeting.Items.Count(i => i.Kind == ItemKind.Action), row.GetProperty("actions").GetInt32());
        Assert.Equal(meeting.Meeting.Items.Count(i => i.Kind == ItemKind.Idea), row.GetProperty("ideas").GetInt32());
    }

    [Fact]
    public async Task A_meeting_has_its_topics_items_with_owners_and_attendance()
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);

        var json = await GetAsync($"/api/meetings/{id}");

        Assert.Equal(meeting.BaseName, json.GetProperty("key").GetString());
        Assert.Equal(meeting.Meeting.Topics.Select(t => IrcText.Clean(t.Title)), json.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(meeting.Meeting.Items.Select(i => i.Kind.ToString()), items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(meeting.Meeting.Items.Select(i => i.Owners.Count), items.Select(i => i.GetProperty("owners").GetArrayLength()));
        var bot = meeting.Meeting.Lines.First(l => l.Text.StartsWith("Meeting started", StringComparison.Ordinal)).Nick;
        Assert.Equal(
            meeting.Meeting.People.Where(p => p.Nick != bot).Sum(p => p.Lines),
            json.GetProperty("attendance").EnumerateArray().Sum(a => a.GetProperty("lines").GetInt32()));
        Assert.Equal($"http://localhost/api/meetings/{id}/log", json.GetProperty("logUrl").GetString());
        Assert.False(json.TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task The_log_comes_in_pages_of_up_to_a_thousand_lines()
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);
        var count = meeting.Meeting.Lines.Count;

        var whole = await GetAsync($"/api/meetings/{id}/log?pageSize=5000");
        var second = await GetAsync($"/api/meetings/{id}/log?pageSize=10&page=2");

        Assert.Equal(1000, whole.GetProperty("pageSize").GetInt32());
        Assert.Equal(count, whole.GetProperty("total").GetInt32());
        Assert.Equal(Enumerable.Range(1, count), whole.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("number").GetInt32()));
        Assert.Equal(Enumerable.Range(11, 10), second.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("number").GetInt32()));
        var line = second.GetProperty("items")[0];
        Assert.Equal(meeting.Meeting.Lines[10].Nick, line.GetProperty("nick").GetString());
        Assert.Equal(IrcText.Clean(meeting.Meeting.Lines[10].Text), line.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/api/meetings/987654")]
    [InlineData("/api/meetings/987654/log")]
    [InlineData("/api/meetings?team=no-such-team")]
    public async Task Unknown_meetings_and_teams_are_not_found(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_routes_are_in_the_openapi_document()
    {
        var json = await GetAsync("/openapi/v1.json");
        var paths = json.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/meetings", out _));
        Assert.True(paths.TryGetProperty("/api/meetings/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/meetings/{id}/log", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/feeds", StringComparison.Ordinal) || p.Name.Contains("{file}", StringComparison.Ordinal));
    }

    private static IEnumerable<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32());

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
