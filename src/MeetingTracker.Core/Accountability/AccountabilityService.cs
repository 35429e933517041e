using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Action chains and idea trails for every team, kept in memory, stale-while-revalidate. The <see cref="DataStamp"/>
/// is read at most every <see cref="RecheckAfter"/> (another process may have imported meetings; a harvest commits
/// meeting by meeting); when it changed, the snapshot held is still served while one rebuild runs behind it, at most
/// every <see cref="RebuildEvery"/>, so a harvest never makes requests wait (a request waits only when there is no
/// snapshot yet). A harvest in this process
/// rebuilds before it ends (<see cref="MeetingsChangedAsync"/>), so its change is on the next request. A failed
/// rebuild keeps the snapshot held; the next request tries again.
/// States and ages are not kept: they depend on the clock, and are worked out by the caller through
/// <see cref="Now"/> and <see cref="DueDays"/>.
/// </summary>
public sealed class AccountabilityService(IDbContextFactory<TrackerDb> dbFactory, IOptions<AccountabilityOptions> options, TimeProvider clock)
    : IMeetingsChangedHandler
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A changed stamp starts a rebuild at most this long after the last one read the data: a harvest in another
    /// process commits meeting by meeting, and rebuilding every second took a core from the requests (issue 14).
    /// </summary>
    public static readonly TimeSpan RebuildEvery = TimeSpan.FromSeconds(10);

    private readonly Lock sync = new();
    private volatile Held? held;
    private volatile Check? check;
    private Task<AccountabilitySnapshot>? rebuilding;
    private Task<AccountabilitySnapshot>? lastRebuild;
    private int generation;

    public int DueDays => options.Value.DueDays;

    public int FollowUpDays => options.Value.FollowUpDays;

    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task<AccountabilitySnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var gen = Volatile.Read(ref generation);
        var now = clock.GetUtcNow();
        var seen = check;
        if (seen is null || now - seen.At >= RecheckAfter)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            seen = new Check(await DataStamp.ReadAsync(db, cancellationToken), now);
            check = seen;
        }

        if (held is { } h)
        {
            if (h.Generation != gen || (h.Snapshot.Stamp != seen.Stamp && now - h.ReadAt >= RebuildEvery)) _ = Rebuild();

            // Older than the data: a page made from it must not be kept by the page cache (Caching.StaleAnswers). A stamp
            // read before the snapshot was built says nothing about it.
            if (h.Generation != gen || (h.Snapshot.Stamp != seen.Stamp && seen.At >= h.ReadAt)) Caching.StaleAnswers.Mark();
            return h.Snapshot;
        }

        return await Rebuild().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A harvest changed meetings: the snapshot, if one was asked for, is rebuilt before this returns (requests
    /// meanwhile get the one held). A failed rebuild is left to the next request.
    /// </summary>
    public async Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        var gen = Interlocked.Increment(ref generation);

        // A rebuild that began before the change gives an old snapshot: one more after it.
        for (var pass = 0; pass < 2 && held is { } h && h.Generation != gen; pass++)
        {
            try
            {
                await Rebuild().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>The last rebuild started (a test waits for it), or a completed task.</summary>
    internal Task LastRebuild
    {
        get
        {
            lock (sync) return (Task?)lastRebuild ?? Task.CompletedTask;
        }
    }

    // One rebuild at a time; started on the pool under the lock, so it cannot end before it is recorded.
    private Task<AccountabilitySnapshot> Rebuild()
    {
        lock (sync)
        {
            if (rebuilding is null)
            {
                rebuilding = Task.Run(RebuildAsync);
                lastRebuild = rebuilding;
            }

            return rebuilding;
        }
    }

    private async Task<AccountabilitySnapshot> RebuildAsync()
    {
        try
        {
            // Read after the generation and the stamp: a change in between makes the next call rebuild, never keeps stale data.
            var gen = Volatile.Read(ref generation);
            var readAt = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var stamp = await DataStamp.ReadAsync(db, CancellationToken.None);
            var fresh = await AccountabilityQueries.SnapshotAsync(db, stamp, TimeSpan.FromDays(options.Value.FollowUpDays), CancellationToken.None);
            held = new Held(fresh, gen, readAt);
            if (check is not { } seen || seen.At <= readAt) check = new Check(stamp, readAt);
            return fresh;
        }
        finally
        {
            lock (sync) rebuilding = null;
        }
    }

    private sealed record Held(AccountabilitySnapshot Snapshot, int Generation, DateTimeOffset ReadAt);

    /// <summary>The stamp last read and when.</summary>
    private sealed record Check(DataStamp Stamp, DateTimeOffset At);
}
