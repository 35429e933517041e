using System.Globalization;
using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Teams;

public sealed partial class TeamPage
{
    [Parameter]
    public string Key { get; set; } = string.Empty;

    // Strings, not ints: a malformed number reads as "not given" rather than failing the request (Paging.Number).
    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    /// <summary>Meetings per page of the timeline (the default otherwise: <see cref="Paging.DefaultSize"/>).</summary>
    [SupplyParameterFromQuery(Name = "pageSize")]
    public string? PageSizeText { get; set; }

    [Inject]
    private TeamQueries Queries { get; set; } = null!;

    [Inject]
    private Stats.AccountabilityTallies Tallies { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private TeamDigest? digest;

    private PageOf<TimelineMeeting>? timeline;

    private Core.Accountability.AccountabilityCounts accountability = Core.Accountability.AccountabilityCounts.Zero;

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        var team = await Queries.FindAsync(Key, ct);
        if (team is { IsCanonical: false } && HttpContext is not null)
        {
            PageRedirect.Permanent(HttpContext, Navigation, Links.Team(team.Key));
            return;
        }

        digest = team is null ? null : await Queries.DigestAsync(team.Id, ct);
        if (digest is null)
        {
            Navigation.NotFound();
            return;
        }

        Caching.PageTags.Add(HttpContext, Caching.PageTags.Team(digest.Header.Key), Caching.PageTags.TeamAccountability(digest.Header.Key));
        timeline = await Queries.TimelineAsync(digest.Header, Paging.Number(PageText), Paging.Number(PageSizeText), ct);
        accountability = await Tallies.TeamAsync(team!.Id, ct);
    }

    private static string Day(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
