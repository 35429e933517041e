using System.Globalization;
using MeetingTracker.Core.Search;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Search;

public sealed partial class SearchPage
{
    private static readonly string[] Examples = ["kind:action", "\"release notes\"", "mirror*", "kind:idea after:2026-01-01", "review -docs"];

    private SearchOrder order;
    private SearchView? view;

    [Inject]
    private SearchQueries Queries { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "order")]
    public string? OrderText { get; set; }

    // A string, not an int: a malformed page number reads as page 1 rather than failing the request.
    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    private string Query => Q?.Trim() ?? string.Empty;

    private string PageTitleText => Query.Length == 0 ? "Search · MeetingTracker" : $"{Query} · Search · MeetingTracker";

    protected override async Task OnParametersSetAsync()
    {
        order = SearchLinks.TryParseOrder(OrderText, out var parsed) ? parsed : SearchOrder.Relevance;
        if (Query.Length == 0)
        {
            view = null;
            return;
        }

        var page = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Max(1, p) : 1;
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        view = await Queries.SearchAsync(new SearchRequest(Query, page, SearchQueries.PageSize, order), ct);
    }

    private string? Current(SearchOrder value) => value == order ? "true" : null;

    private static string Totals(SearchResults results)
        => string.Create(CultureInfo.InvariantCulture, $"{results.TotalHits} {(results.TotalHits == 1 ? "hit" : "hits")} in {results.TotalMeetings} {(results.TotalMeetings == 1 ? "meeting" : "meetings")}");
}
