using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Ideas;
using MeetingTracker.Web.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Components.Pages.Home;

public sealed partial class Home
{
    private const int Latest = 10;

    /// <summary>Failed files listed per run; the rest are counted.</summary>
    private const int FailedFilesShown = 20;

    [Inject]
    private IDbContextFactory<TrackerDb> DbFactory { get; set; } = null!;

    [Inject]
    private IOptions<MeetingTrackerOptions> Options { get; set; } = null!;

    // The snapshot already counted the action items (a count over the items table costs 15 ms at 10,000 meetings).
    [Inject]
    private AccountabilityService Accountability { get; set; } = null!;

    [Inject]
    private HomeBoards Boards { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private HomeModel? model;

    private HomeBoard? board;

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var counts = new HomeCounts(
            await db.Meetings.CountAsync(ct),
            await db.Teams.CountAsync(ct),
            await db.People.CountAsync(ct),
            (await Accountability.SnapshotAsync(ct)).ActionItems,
            await db.Runs.CountAsync(ct));

        var meetings = await db.Meetings.AsNoTracking()
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Take(Latest)
            .Select(m => new MeetingRow(
                m.Team!.Name,
                m.MeetingKey,
                m.Title,
                m.StartedAt,
                m.LineCount,
                m.Items.Count(i => i.Kind == ItemKind.Action && i.RemovedAt == null)))
            .ToListAsync(ct);

        var runs = await db.Runs.AsNoTracking()
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(Latest)
            .Select(r => new RunRow(
                r.Source!.Name,
                r.StartedAt,
                r.EndedAt,
                r.Status,
                r.Error,
                r.MeetingsNew,
                r.MeetingsUpdated,
                r.MeetingsUnchanged,
                r.MeetingsFailed,
                r.Outcomes.Count,
                r.Outcomes.OrderBy(o => o.Path).Take(FailedFilesShown).Select(o => new FailedFile(o.Path, o.Reason)).ToList()))
            .ToListAsync(ct);

        model = new HomeModel(Options.Value.Sources.Count, counts, meetings, runs);
        board = await Boards.ReadAsync(ct);
    }
}
