using MeetingTracker.Core.Search;

namespace MeetingTracker.Core.Tests.Search;

/// <summary>The query language over a small real index: each construct, each filter, accents, case, aliases, errors.</summary>
public sealed class QueryLanguageTests(SearchCorpus corpus) : IClassFixture<SearchCorpus>
{
    [Theory]
    [InlineData("mirror", 7)]                              // 5 log lines, the topic and the action
    [InlineData("mirror keys", 2)]                         // words are all required
    [InlineData("\"mirror keys\"", 2)]
    [InlineData("\"keys mirror\"", 0)]
    [InlineData("release OR builders", 9)]
    [InlineData("mirror -keys", 5)]
    [InlineData("mirror NOT keys", 5)]
    [InlineData("mirr*", 7)]
    [InlineData("MIRROR", 7)]
    [InlineData("cafe", 2)]                                // "café" and "CAFÉ": accents and case folded
    [InlineData("Café", 2)]
    [InlineData("caf*", 2)]
    [InlineData("nothing-like-this", 0)]
    public async Task Words_phrases_operators_prefixes_accents_and_case(string query, int hits)
    {
        var found = await corpus.SearchAsync(query);

        Assert.Null(found.Error);
        Assert.Equal(hits, found.TotalHits);
    }

    [Theory]
    [InlineData("team:infra", 16)]
    [InlineData("team:INFRA mirror", 7)]
    [InlineData("team:docs release", 6)]
    [InlineData("channel:#fedora-docs", 9)]
    [InlineData("channel:fedora-meeting cafe", 2)]
    [InlineData("kind:action", 1)]
    [InlineData("kind:help release", 1)]
    [InlineData("kind:topic", 1)]
    [InlineData("kind:line mirror", 5)]
    [InlineData("nick:carol", 2)]                          // the #idea line and the idea item
    [InlineData("nick:bob cafe", 2)]                       // bob_ and bob|away are bob
    [InlineData("nick:bob_ cafe", 2)]
    [InlineData("after:2026-01-01 mirror", 1)]             // alice is no chair: her #agreed is a line only
    [InlineData("before:2026-01-01 mirror", 6)]
    [InlineData("after:2026-03-03 before:2026-03-04", 9)]
    [InlineData("-team:infra", 9)]
    [InlineData("topic:rotation", 9)]                      // under "Mirror rotation": the topic, its 6 lines from the #topic line to #endmeeting, the action and idea items
    [InlineData("topic:ROTAT* kind:action", 1)]
    [InlineData("topic:rotation cafe", 1)]
    public async Task Filters_narrow_by_team_channel_kind_nick_and_date(string query, int hits)
    {
        var found = await corpus.SearchAsync(query);

        Assert.Null(found.Error);
        Assert.Equal(hits, found.TotalHits);
    }

    [Theory]
    [InlineData("mirror AND (")]
    [InlineData("\"unclosed phrase")]
    [InlineData("after:yesterday")]
    [InlineData("*mirror")]
    [InlineData("team:infra OR")]
    public async Task A_malformed_query_gets_a_friendly_message_not_an_error(string query)
    {
        var found = await corpus.SearchAsync(query);

        Assert.NotNull(found.Error);
        Assert.StartsWith("Could not understand the query: ", found.Error, StringComparison.Ordinal);
        Assert.Contains(SearchService.Help, found.Error, StringComparison.Ordinal);
        Assert.Empty(found.Meetings);
    }

    [Fact]
    public async Task Hits_tell_the_topic_they_were_said_under()
    {
        async Task<SearchHit> OnlyHit(string query) => Assert.Single(Assert.Single((await corpus.SearchAsync(query)).Meetings).Hits);

        Assert.Equal("Mirror rotation", (await OnlyHit("kind:action mirror")).Topic);
        Assert.Equal("Mirror rotation", (await OnlyHit("kind:line slow")).Topic);
        Assert.Equal("Mirror rotation", (await OnlyHit("kind:topic")).Topic);

        // The second infra meeting has no topic: its hits have none.
        Assert.Null((await OnlyHit("kind:line frozen")).Topic);
    }

    [Fact]
    public async Task Snippets_are_html_encoded_with_the_matches_marked_and_point_at_their_log_line()
    {
        var found = await corpus.SearchAsync("\"page broke\"");

        var hit = Assert.Single(Assert.Single(found.Meetings).Hits);
        Assert.Equal("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; mirror <mark>page</mark> <mark>broke</mark>", hit.Snippet);
        Assert.Equal(6, hit.Line);
        Assert.Equal("alice", hit.Nick);
        Assert.Equal("line", hit.Kind);
        Assert.Equal("infra.2025-12-01-16.00", hit.MeetingKey);
    }

    [Fact]
    public async Task Results_are_grouped_by_meeting_newest_first_on_request_with_counts_for_narrowing_and_paging()
    {
        var newest = await corpus.SearchAsync("mirror", SearchOrder.Newest);

        Assert.Equal(["infra.2026-03-02-16.00", "infra.2025-12-01-16.00"], newest.Meetings.Select(m => m.MeetingKey));
        Assert.Equal(2, newest.TotalMeetings);
        Assert.Equal([1, 6], newest.Meetings.Select(m => m.HitCount));
        Assert.All(newest.Meetings, m => Assert.InRange(m.Hits.Count, 1, 3));
        Assert.Equal([("infra", "team:infra", 7)], newest.Facets.Teams.Select(f => (f.Label, f.Filter, f.Count)));
        Assert.Equal([("2026", 1), ("2025", 6)], newest.Facets.Years.Select(f => (f.Label, f.Count)));
        Assert.Contains(newest.Facets.People, f => f.Label == "bob" && f.Filter == "nick:bob");

        var second = await corpus.SearchAsync("mirror", SearchOrder.Newest, page: 2, size: 1);
        Assert.Equal("infra.2025-12-01-16.00", Assert.Single(second.Meetings).MeetingKey);
    }

    [Theory]
    [InlineData("team:infra")]
    [InlineData("-release")]
    [InlineData("mirr*")]
    [InlineData("after:2025-01-01")]
    public async Task Queries_whose_hits_all_score_alike_come_newest_first_in_relevance_order(string query)
    {
        var found = await corpus.SearchAsync(query);

        var times = found.Meetings.SelectMany(m => m.Hits).Select(h => h.Time).ToList();
        Assert.NotEmpty(times);
        Assert.Equal(times.OrderDescending(), times);
        Assert.True(found.Meetings.Count > 1);
    }
}
