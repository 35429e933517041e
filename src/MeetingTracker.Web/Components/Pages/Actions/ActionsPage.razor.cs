using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Actions;

public sealed partial class ActionsPage
{
    private ActionList? list;

    [Inject]
    private ActionQueries Queries { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "team")]
    public string? Team { get; set; }

    [SupplyParameterFromQuery(Name = "person")]
    public string? Person { get; set; }

    [SupplyParameterFromQuery(Name = "state")]
    public string? State { get; set; }

    // Strings, not ints: a malformed number reads as "not given" rather than failing the request.
    [SupplyParameterFromQuery(Name = "minAgeDays")]
    public string? MinAgeDaysText { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var query = new ActionQuery(Team, Person, State, Number(MinAgeDaysText), Sort, Number(PageText));
        list = await Queries.ListAsync(query, HttpContext?.RequestAborted ?? CancellationToken.None);
    }

    internal static int? Number(string? text) => Common.Paging.Number(text);

    private static string Heading(ActionList list)
        => list.Rows.Total == 1 ? "1 action" : string.Create(CultureInfo.InvariantCulture, $"{list.Rows.Total} actions");

    private string Caption(ActionList list) => string.Create(
        CultureInfo.InvariantCulture,
        $"Actions, {SortLabel()}: page {list.Rows.Page} of {list.Rows.Pages}");

    private string SortLabel() => ActionFilter.SortChoices
        .FirstOrDefault(c => string.Equals(c.Value, Sort ?? "latest", StringComparison.OrdinalIgnoreCase)).Label?.ToLowerInvariant() ?? "most recently seen";
}
