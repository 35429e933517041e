using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MeetingTracker.Core.Search;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Search;

/// <summary>The search page over the generated server, compared with the search service and the generated logs.</summary>
public sealed partial class SearchPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Results_are_grouped_by_meeting_with_totals_and_hits_linked_to_their_log_lines()
    {
        var expected = await SearchAsync("mirror", SearchOrder.Relevance);
        var page = await PageAsync("/search?q=mirror");

        Assert.Contains("mirror", page.Title, StringComparison.Ordinal);
        Assert.Equal("mirror", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main input#q")!.Value);
        Assert.True(expected.TotalMeetings > 1, "the query should hit several meetings");
        Assert.Equal($"{expected.TotalHits} hits in {expected.TotalMeetings} meetings", page.QuerySelector("#results-heading")!.TextContent);
        var meetings = page.QuerySelectorAll("li.meeting");
        Assert.Equal(expected.Meetings.Select(m => Links.Meeting(m.MeetingId)), meetings.Select(m => m.QuerySelector("h3 a")!.GetAttribute("href")));

        var keys = await KeysAsync();
        foreach (var meeting in meetings)
        {
            var hits = meeting.QuerySelectorAll(".hits li");
            Assert.InRange(hits.Length, 1, 3);
            foreach (var hit in hits)
            {
                var href = hit.QuerySelector("a.at")!.GetAttribute("href")!;
                var anchor = LineLink().Match(href);
                Assert.True(anchor.Success, href);
                var generated = site.Generated.Single(g => g.BaseName == keys[int.Parse(anchor.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
                var line = generated.Meeting.Lines.Single(l => l.Number == int.Parse(anchor.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Contains("mirror", line.Text, StringComparison.OrdinalIgnoreCase);
                Assert.Equal("mirror", hit.QuerySelector(".snippet mark")!.TextContent, ignoreCase: true);
                Assert.Contains(hit.QuerySelector(".kind")!.TextContent, (string[])["line", "topic", "action", "info", "idea", "agreed", "help", "link"]);
                Assert.Equal(Links.Person(hit.QuerySelector("a.nick")!.TextContent), hit.QuerySelector("a.nick")!.GetAttribute("href"));
            }
        }
    }

    [Fact]
    public async Task Facets_add_their_filter_to_the_query_and_remove_it_again()
    {
        var page = await PageAsync("/search?q=mirror");

        var teams = page.QuerySelectorAll("#facets-teams ~ ul a");
        Assert.True(teams.Length > 1, "several teams talk about the mirror");
        Assert.NotEmpty(page.QuerySelectorAll("#facets-people ~ ul a"));
        Assert.NotEmpty(page.QuerySelectorAll("#facets-years ~ ul a"));
        var team = teams[0].QuerySelector("span")!.TextContent;
        Assert.Equal(Links.Search($"mirror team:{team}"), teams[0].GetAttribute("href"));

        var narrowed = await PageAsync("/" + teams[0].GetAttribute("href"));
        var expected = await SearchAsync($"mirror team:{team}", SearchOrder.Relevance);
        Assert.Equal($"{expected.TotalHits} hits in {expected.TotalMeetings} meetings", narrowed.QuerySelector("#results-heading")!.TextContent);
        Assert.All(narrowed.QuerySelectorAll("li.meeting .meta a"), a => Assert.Equal(Links.Team(team), a.GetAttribute("href")));
        var active = Assert.Single(narrowed.QuerySelectorAll("#facets-teams ~ ul a[aria-current]"));
        Assert.Equal(Links.Search("mirror"), active.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_of_meetings_follow_one_another_and_keep_the_query()
    {
        var expected = await SearchAsync("kind:action", SearchOrder.Relevance);
        Assert.True(expected.TotalMeetings > 10, "the query should need more than one page");

        var first = await PageAsync("/search?q=kind%3Aaction");
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=kind%3Aaction", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("nav.pager a[rel=prev]"));

        var second = await PageAsync("/" + next);
        Assert.Equal("11", second.QuerySelector("ol.meetings")!.GetAttribute("start"));
        Assert.NotNull(second.QuerySelector("nav.pager a[rel=prev]"));
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        Assert.Equal(Ids(first), Ids(await PageAsync("/search?q=kind%3Aaction&page=nonsense")));
    }

    [Fact]
    public async Task Newest_order_lists_the_meetings_with_the_newest_hits_first()
    {
        var page = await PageAsync("/search?q=mirror&order=newest");

        // Each meeting's first hit is its newest: they go down from one meeting to the next.
        var newest = page.QuerySelectorAll("li.meeting .hits li:first-child a.at time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.True(newest.Count > 1);
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        Assert.Equal("newest first", page.QuerySelector("nav.order a[aria-current]")!.TextContent);
        Assert.EndsWith("&order=newest", page.QuerySelector("#facets-teams ~ ul a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("newest", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[name=order]")!.Value);
        var expected = await SearchAsync("mirror", SearchOrder.Newest);
        Assert.Equal(expected.Meetings.Select(m => Links.Meeting(m.MeetingId)), Ids(page));
    }

    [Fact]
    public async Task A_malformed_query_gets_the_friendly_error_with_status_200()
    {
        using var response = await site.Client.GetAsync(new Uri("/search?q=%22unclosed", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Could not understand the query", page.QuerySelector("main .error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#results-heading"));
        Assert.Equal("\"unclosed", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main input#q")!.Value);
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=+")]
    public async Task An_empty_query_shows_the_syntax_help(string path)
    {
        var page = await PageAsync(path);

        Assert.Equal("Search · MeetingTracker", page.Title);
        Assert.Equal(SearchService.Help, page.QuerySelector("main .help")!.TextContent);
        Assert.Null(page.QuerySelector("#results-heading"));
    }

    [Fact]
    public async Task Markup_in_a_log_line_comes_out_as_text()
    {
        var body = await site.GetPageAsync("/search?q=alert");
        var page = Parse(body);

        var snippets = page.QuerySelectorAll(".snippet").Select(s => s.TextContent).ToList();
        Assert.Contains(snippets, s => s.Contains("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Contains(snippets, s => s.Contains("<img src=x onerror=alert(1)>", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("main script, main img, main [onerror]"));
        Assert.DoesNotContain("<script>alert", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
    }

    private static IEnumerable<string?> Ids(IDocument page) => page.QuerySelectorAll("li.meeting h3 a").Select(a => a.GetAttribute("href"));

    private Task<SearchResults> SearchAsync(string query, SearchOrder order)
        => site.Host.Services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query, 1, 10, order), TestContext.Current.CancellationToken);

    private async Task<Dictionary<int, string>> KeysAsync()
    {
        await using var db = site.Host.Db();
        return await db.Meetings.ToDictionaryAsync(m => m.Id, m => m.MeetingKey, TestContext.Current.CancellationToken);
    }

    private Task<IDocument> PageAsync(string path) => site.DocumentAsync(path);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [GeneratedRegex(@"^meetings/(\d+)#l-(\d+)$")]
    private static partial Regex LineLink();
}
