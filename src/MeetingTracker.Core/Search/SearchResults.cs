namespace MeetingTracker.Core.Search;

public enum SearchOrder
{
    Relevance,
    Newest,
}

/// <summary>A search: the query text, which page of meetings, and the order.</summary>
public sealed record SearchRequest(string Query, int Page = 1, int PageSize = 10, SearchOrder Order = SearchOrder.Relevance);

/// <summary>
/// Hits grouped by meeting (a page of meetings), counts for narrowing, or a friendly <see cref="Error"/> for a query
/// that could not be understood.
/// </summary>
public sealed record SearchResults(string Query, int TotalHits, int TotalMeetings, int Page, int PageSize, IReadOnlyList<MeetingResult> Meetings, SearchFacets Facets)
{
    public string? Error { get; init; }

    public static SearchResults Failed(SearchRequest request, string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Query, 0, 0, request.Page, request.PageSize, [], SearchFacets.None) { Error = error };
    }
}

/// <summary>A meeting's best hits (at most a few) and how many it has in all.</summary>
public sealed record MeetingResult(int MeetingId, string MeetingKey, string Team, int HitCount, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// One hit. <see cref="Snippet"/> is HTML: the text HTML-encoded with matches in <c>&lt;mark&gt;</c>; <see cref="Line"/>
/// is the <c>l-N</c> anchor of the meeting's log, when known.
/// </summary>
public sealed record SearchHit(int MeetingId, string MeetingKey, int? Line, string Nick, DateTimeOffset Time, string Kind, string Snippet)
{
    /// <summary>The title of the topic it was said under (a topic hit: its own); null before the meeting's first topic.</summary>
    public string? Topic { get; init; }
}

public sealed record SearchFacets(IReadOnlyList<FacetCount> Teams, IReadOnlyList<FacetCount> People, IReadOnlyList<FacetCount> Years)
{
    public static readonly SearchFacets None = new([], [], []);
}

/// <summary>A value to narrow by (<see cref="Filter"/> is the query term that does it) and its number of hits.</summary>
public sealed record FacetCount(string Label, string Filter, int Count);
