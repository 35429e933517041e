using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Ideas;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Home;

/// <summary>
/// The home page's <see cref="HomeBoard"/>, kept while the snapshot and the events are the same, within the minute
/// (its help-wanted sections walk every chain and idea: tens of milliseconds on a large site, on the busiest page).
/// A new event or snapshot makes the next request build it again; concurrent requests share that build.
/// </summary>
public sealed class HomeBoards(ActionQueries actions, IdeaQueries ideas, ActionStandings standings, IDbContextFactory<TrackerDb> dbFactory)
{
    private Kept? kept;

    public async Task<HomeBoard> ReadAsync(CancellationToken cancellationToken)
    {
        var now = await standings.ReadAsync(cancellationToken);
        var minute = now.Now.Ticks / TimeSpan.TicksPerMinute;
        var held = Volatile.Read(ref kept);
        if (held is null || !ReferenceEquals(held.Snapshot, now.Snapshot) || !ReferenceEquals(held.Ledger, now.Ledger) || held.Minute != minute)
        {
            var fresh = new Kept(now.Snapshot, now.Ledger, minute, new Lazy<Task<HomeBoard>>(() => LoadAsync(now)));
            held = Interlocked.CompareExchange(ref kept, fresh, held) == held ? fresh : Volatile.Read(ref kept)!;
        }

        try
        {
            return await held.Board.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed build is not kept: the next request tries again.
            Interlocked.CompareExchange(ref kept, null, held);
            throw;
        }
    }

    private async Task<HomeBoard> LoadAsync(Standings now)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        return await HomeBoard.LoadAsync(actions, ideas, now, db, now.Now, CancellationToken.None);
    }

    private sealed record Kept(AccountabilitySnapshot Snapshot, LedgerView Ledger, long Minute, Lazy<Task<HomeBoard>> Board);
}
