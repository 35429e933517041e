using System.Net;
using System.Text.Json;
using MeetingTracker.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Search;

/// <summary><c>GET /api/search</c>: the same results as the page, as JSON; 400 with <c>{ error }</c> for a bad query.</summary>
public sealed partial class SearchPageTests
{
    [Fact]
    public async Task The_api_returns_a_page_of_meetings_with_their_hits_and_the_facets()
    {
        var expected = await site.Host.Services.GetRequiredService<SearchService>()
            .SearchAsync(new SearchRequest("mirror", 2, 3, SearchOrder.Newest), TestContext.Current.CancellationToken);

        using var json = await GetJsonAsync("/api/search?q=mirror&order=newest&page=2&pageSize=3", HttpStatusCode.OK);

        var root = json.RootElement;
        Assert.Equal("mirror", root.GetProperty("query").GetString());
        Assert.Equal(expected.TotalHits, root.GetProperty("totalHits").GetInt32());
        Assert.Equal(expected.TotalMeetings, root.GetProperty("totalMeetings").GetInt32());
        Assert.Equal(2, root.GetProperty("page").GetInt32());
        Assert.Equal(3, root.GetProperty("pageSize").GetInt32());
        Assert.Equal((expected.TotalMeetings + 2) / 3, root.GetProperty("pages").GetInt32());
        var meetings = root.GetProperty("meetings").EnumerateArray().ToList();
        Assert.Equal(expected.Meetings.Select(m => m.MeetingId), meetings.Select(m => m.GetProperty("id").GetInt32()));
        foreach (var meeting in meetings)
        {
            var id = meeting.GetProperty("id").GetInt32();
            Assert.Equal($"http://localhost/meetings/{id}", meeting.GetProperty("url").GetString());
            Assert.False(string.IsNullOrEmpty(meeting.GetProperty("title").GetString()));
            Assert.All(meeting.GetProperty("hits").EnumerateArray(), hit =>
            {
                Assert.Equal($"http://localhost/meetings/{id}#l-{hit.GetProperty("line").GetInt32()}", hit.GetProperty("url").GetString());
                Assert.Contains("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);
            });
        }

        var teams = root.GetProperty("facets").GetProperty("teams").EnumerateArray().ToList();
        Assert.Equal(expected.Facets.Teams.Select(t => t.Filter), teams.Select(t => t.GetProperty("filter").GetString()));
        Assert.All(teams, t => Assert.True(t.GetProperty("count").GetInt32() > 0));
    }

    [Theory]
    [InlineData("/api/search?q=%22unclosed", "Could not understand the query")]
    [InlineData("/api/search?q=after%3Ayesterday", "Could not understand the query")]
    [InlineData("/api/search", "Give a query in q.")]
    [InlineData("/api/search?q=mirror&order=sideways", "order is relevance or newest.")]
    public async Task A_query_the_api_cannot_run_answers_400_with_an_error(string path, string error)
    {
        using var json = await GetJsonAsync(path, HttpStatusCode.BadRequest);

        Assert.StartsWith(error, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_search_route()
    {
        using var json = await GetJsonAsync("/openapi/v1.json", HttpStatusCode.OK);

        var get = json.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("get");
        Assert.Equal("Search", get.GetProperty("operationId").GetString());
        Assert.Equal(["q", "order", "page", "pageSize"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    private async Task<JsonDocument> GetJsonAsync(string path, HttpStatusCode status)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body);
    }
}
