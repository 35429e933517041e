using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Search;

/// <summary>What the search page and <c>GET /api/search</c> show: the service's results and the meetings they name.</summary>
public sealed record SearchView(SearchResults Results, IReadOnlyDictionary<int, MeetingInfo> Meetings)
{
    public int Pages => Math.Max(1, (Results.TotalMeetings + Results.PageSize - 1) / Results.PageSize);
}

/// <summary>A result's meeting as the database has it (the index keeps only its key and team).</summary>
public sealed record MeetingInfo(int Id, string TeamName, string? Title, DateTimeOffset StartedAt);

public static class SearchQueries
{
    /// <summary>Meetings shown on one results page.</summary>
    public const int PageSize = 10;

    /// <summary>Runs the search, then reads the titles of the page's meetings in one query by primary key.</summary>
    public static async Task<SearchView> SearchAsync(SearchService search, IDbContextFactory<TrackerDb> dbFactory, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(dbFactory);
        var results = await search.SearchAsync(request, cancellationToken);
        if (results.Meetings.Count == 0)
        {
            return new SearchView(results, new Dictionary<int, MeetingInfo>());
        }

        var ids = results.Meetings.Select(m => m.MeetingId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new MeetingInfo(m.Id, m.Team!.Name, m.Title, m.StartedAt))
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        return new SearchView(results, meetings);
    }

    /// <summary>
    /// <c>relevance</c> (or nothing) and <c>newest</c>, in any case; false for anything else.
    /// </summary>
    public static bool TryParseOrder(string? value, out SearchOrder order)
    {
        order = SearchOrder.Relevance;
        if (string.IsNullOrWhiteSpace(value) || value.Equals("relevance", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("newest", StringComparison.OrdinalIgnoreCase))
        {
            order = SearchOrder.Newest;
            return true;
        }

        return false;
    }

    /// <summary>The search page's URL for a query, order and page (defaults left out, as the page's own links).</summary>
    public static string Href(string query, SearchOrder order, int page = 1)
    {
        var href = Common.Links.Search(query);
        if (order == SearchOrder.Newest)
        {
            href += "&order=newest";
        }

        return page > 1 ? href + "&page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : href;
    }

    /// <summary>Whether <paramref name="query"/> already holds the filter (then its facet removes it instead).</summary>
    public static bool HasFilter(string query, string filter) => IndexOfFilter(query, filter) >= 0;

    public static string WithFilter(string query, string filter) => string.IsNullOrWhiteSpace(query) ? filter : query.Trim() + " " + filter;

    public static string WithoutFilter(string query, string filter)
    {
        var at = IndexOfFilter(query, filter);
        var rest = at < 0 ? query : query.Remove(at, filter.Length);
        return string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // The filter as whole words: "team:qa" is not in "team:qa2".
    private static int IndexOfFilter(string query, string filter)
    {
        for (var at = query.IndexOf(filter, StringComparison.OrdinalIgnoreCase); at >= 0; at = query.IndexOf(filter, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + filter.Length;
            if ((at == 0 || char.IsWhiteSpace(query[at - 1])) && (end == query.Length || char.IsWhiteSpace(query[end])))
            {
                return at;
            }
        }

        return -1;
    }
}
