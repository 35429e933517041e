using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
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

    [Inject]
    private DigestCache Digests { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private MeetingPageModel? model;

    protected override async Task OnParametersSetAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;

        // Everything but the log comes from the digest cache (cleared after each harvest): six small queries a view,
        // against one for the lines. The lines are read each time: all meetings' logs would not fit in memory.
        var frame = await Digests.GetAsync(new FrameKey(Id), token => LoadFrameAsync(Id, token), ct);
        if (frame is null)
        {
            model = null;
            Navigation.NotFound();
            return;
        }

        Caching.PageTags.Add(HttpContext, Caching.PageTags.Meeting(Id), Caching.PageTags.Team(frame.Details.Meeting.TeamKey));
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var lines = await MeetingQueries.LinesAsync(db, Id, 0, int.MaxValue, ct);
        model = new MeetingPageModel(frame.Details, lines, frame.Previous, frame.Next, frame.SourceName, frame.SourceIsHttp, frame.Files);
    }

    private async Task<Frame?> LoadFrameAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);

        // One open for the page's queries: EF otherwise opens (and sets up) the connection once per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await MeetingQueries.DetailsAsync(db, id, cancellationToken) is not { } details) return null;
        var (previous, next) = await MeetingQueries.NeighboursAsync(db, details.Meeting, cancellationToken);
        var (sourceName, isHttp, files) = await SourceFiles.ListAsync(db, details.Meeting, cancellationToken);
        return new Frame(details, previous, next, sourceName, isHttp, files);
    }

    private sealed record FrameKey(int MeetingId);

    /// <summary>The page around the log: header, minutes, attendance, neighbours and files.</summary>
    private sealed record Frame(MeetingDetails Details, MeetingLink? Previous, MeetingLink? Next, string SourceName, bool SourceIsHttp, IReadOnlyList<SourceFile> Files);
}
