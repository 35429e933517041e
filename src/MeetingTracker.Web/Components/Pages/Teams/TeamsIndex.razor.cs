using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Teams;

public sealed partial class TeamsIndex
{
    [Inject]
    private TeamQueries Queries { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private IReadOnlyList<TeamSummary>? teams;

    protected override async Task OnInitializedAsync()
        => teams = await Queries.AllAsync(HttpContext?.RequestAborted ?? CancellationToken.None);
}
