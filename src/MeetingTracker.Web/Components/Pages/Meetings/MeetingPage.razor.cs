using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Meetings;

public sealed partial class MeetingPage
{
    [Parameter]
    public int Id { get; set; }

    [Inject]
    private IDbContextFactory<TrackerDb> DbFactory { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private MeetingPageModel? model;

    protected override async Task OnParametersSetAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        await using var db = await DbFactory.CreateDbContextAsync(ct);

        // One open for the page's queries: EF otherwise opens (and sets up) the connection once per query.
        await db.Database.OpenConnectionAsync(ct);
        var details = await MeetingQueries.DetailsAsync(db, Id, ct);
        if (details is null)
        {
            model = null;
            Navigation.NotFound();
            return;
        }

        var lines = await MeetingQueries.LinesAsync(db, Id, 0, int.MaxValue, ct);
        var (previous, next) = await MeetingQueries.NeighboursAsync(db, details.Meeting, ct);
        var (sourceName, isHttp, files) = await SourceFiles.ListAsync(db, details.Meeting, ct);
        model = new MeetingPageModel(details, lines, previous, next, sourceName, isHttp, files);
    }
}
