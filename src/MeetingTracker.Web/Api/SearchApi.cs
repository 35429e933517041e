using MeetingTracker.Core.Search;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of search.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/search", SearchAsync).CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithName("Search")
            .WithSummary("Searches every log line, topic and minutes item; hits grouped by meeting, a page of meetings at a time.")
            .WithDescription("q: the query language of the search page (" + SearchService.Help + ") order: relevance (default) or newest. "
                + "Snippets are HTML: the text encoded, the matches in <mark>. A query that cannot be understood answers 400 with { error }.");
        return api;
    }

    private static async Task<Results<Ok<SearchAnswer>, BadRequest<SearchError>>> SearchAsync(
        string? q, string? order, int? page, int? pageSize, SearchQueries queries, HttpRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.BadRequest(new SearchError("Give a query in q. " + SearchService.Help));
        }

        if (!SearchLinks.TryParseOrder(order, out var searchOrder))
        {
            return TypedResults.BadRequest(new SearchError("order is relevance or newest."));
        }

        var (p, size) = Paging.Normalize(page, pageSize ?? SearchQueries.PageSize);
        var view = await queries.SearchAsync(new SearchRequest(q.Trim(), p, size, searchOrder), cancellationToken);
        if (view.Results.Error is { } error)
        {
            return TypedResults.BadRequest(new SearchError(error));
        }

        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var results = view.Results;
        return TypedResults.Ok(new SearchAnswer(
            results.Query,
            results.TotalHits,
            results.TotalMeetings,
            results.Page,
            results.PageSize,
            view.Pages,
            [.. results.Meetings.Select(m => Meeting(site, m, view.Meetings.GetValueOrDefault(m.MeetingId)))],
            results.Facets));
    }

    private static SearchMeetingAnswer Meeting(Uri site, MeetingResult meeting, MeetingInfo? info) => new(
        meeting.MeetingId,
        meeting.MeetingKey,
        meeting.Team,
        info?.TeamName,
        info?.Title,
        info?.StartedAt,
        meeting.HitCount,
        new Uri(site, Links.Meeting(meeting.MeetingId)),
        [.. meeting.Hits.Select(h => new SearchHitAnswer(
            h.Line,
            h.Nick,
            h.Time,
            h.Kind,
            h.Snippet,
            new Uri(site, h.Line is { } line ? Links.LogLine(h.MeetingId, line) : Links.Meeting(h.MeetingId)),
            h.Topic))]);
}

/// <summary>A page of meetings with their best hits, and counts to narrow by (each facet's filter added to q).</summary>
public sealed record SearchAnswer(
    string Query, int TotalHits, int TotalMeetings, int Page, int PageSize, int Pages, IReadOnlyList<SearchMeetingAnswer> Meetings, SearchFacets Facets);

/// <summary>A meeting of the results; team is the team's key; title, team name and start are null if it is gone.</summary>
public sealed record SearchMeetingAnswer(
    int Id, string MeetingKey, string Team, string? TeamName, string? Title, DateTimeOffset? StartedAt, int HitCount, Uri Url, IReadOnlyList<SearchHitAnswer> Hits);

/// <summary>One hit; <see cref="Snippet"/> is HTML (encoded text, matches in &lt;mark&gt;); line is null for hits without one.</summary>
/// <summary>One hit; <c>topic</c> is the title of the topic it was said under (a topic hit: its own), null before the first.</summary>
public sealed record SearchHitAnswer(int? Line, string Nick, DateTimeOffset Time, string Kind, string Snippet, Uri Url, string? Topic);

public sealed record SearchError(string Error);
