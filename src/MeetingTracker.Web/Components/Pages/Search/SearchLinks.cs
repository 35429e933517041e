using System.Globalization;
using MeetingTracker.Core.Search;
using MeetingTracker.Web.Components.Common;

namespace MeetingTracker.Web.Components.Pages.Search;

/// <summary>The search page's own URLs (query, order, page) and the query edits its facets make.</summary>
public static class SearchLinks
{
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
        var href = Links.Search(query);
        if (order == SearchOrder.Newest)
        {
            href += "&order=newest";
        }

        return page > 1 ? href + "&page=" + page.ToString(CultureInfo.InvariantCulture) : href;
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
