using System.Globalization;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Ideas;

public sealed partial class IdeasPage
{
    private IdeaList? list;

    [Inject]
    private IdeaQueries Queries { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "team")]
    public string? Team { get; set; }

    [SupplyParameterFromQuery(Name = "followUp")]
    public string? FollowUp { get; set; }

    [SupplyParameterFromQuery(Name = "state")]
    public string? State { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    protected override async Task OnParametersSetAsync()
        => list = await Queries.ListAsync(
            new IdeaQuery(Team, FollowUp, ActionsPage.Number(PageText), State: State),
            HttpContext?.RequestAborted ?? CancellationToken.None);

    private bool Is(string value) => string.Equals(FollowUp?.Trim(), value, StringComparison.OrdinalIgnoreCase);

    private bool IsState(IdeaState state) => IdeaStates.Parse(State) == state;

    private static string Heading(IdeaList list)
        => list.Rows.Total == 1 ? "1 idea" : string.Create(CultureInfo.InvariantCulture, $"{list.Rows.Total} ideas");
}
