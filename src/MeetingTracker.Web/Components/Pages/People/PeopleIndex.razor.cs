using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.People;

public sealed partial class PeopleIndex
{
    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    // A string, not an int: a malformed number reads as "not given" rather than failing the request (Paging.Number).
    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    [Inject]
    private PersonQueries Queries { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private PageOf<PersonEntry>? people;

    private PeopleOrder Order => ParseOrder(Sort);

    /// <summary><c>meetings</c> orders by meetings attended; anything else by name.</summary>
    public static PeopleOrder ParseOrder(string? sort)
        => string.Equals(sort, "meetings", StringComparison.OrdinalIgnoreCase) ? PeopleOrder.Meetings : PeopleOrder.Name;

    protected override async Task OnInitializedAsync()
        => people = await Queries.ListAsync(Query, Order, Paging.Number(PageText), null, HttpContext?.RequestAborted ?? CancellationToken.None);
}
