using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.People;

public sealed partial class PeopleIndex
{
    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageNumber { get; set; }

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
        => people = await Queries.ListAsync(Query, Order, PageNumber, null, HttpContext?.RequestAborted ?? CancellationToken.None);
}
