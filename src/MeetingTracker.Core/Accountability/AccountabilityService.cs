using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Action chains and idea trails for every team, kept in memory. Rebuilt at once after a harvest in this process
/// (<see cref="MeetingsChangedAsync"/>), and when the <see cref="DataStamp"/> changed, which is read at most every
/// <see cref="RecheckAfter"/> (another process may have imported meetings); so a busy page pays no query for it.
/// States and ages are not kept: they depend on the clock, and are worked out by the caller through
/// <see cref="Now"/> and <see cref="DueDays"/>.
/// </summary>
public sealed class AccountabilityService(IDbContextFactory<TrackerDb> dbFactory, IOptions<AccountabilityOptions> options, TimeProvider clock)
    : IMeetingsChangedHandler, IDisposable
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Held? held;
    private int generation;

    public int DueDays => options.Value.DueDays;

    public int FollowUpDays => options.Value.FollowUpDays;

    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task<AccountabilitySnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var gen = Volatile.Read(ref generation);
        if (held is { } recent && recent.Generation == gen && now - recent.CheckedAt < RecheckAfter) return recent.Snapshot;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stamp = await DataStamp.ReadAsync(db, cancellationToken);
        if (Current(gen, stamp) is { } same)
        {
            held = same with { CheckedAt = now };
            return same.Snapshot;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Current(gen, stamp) is { } built) return built.Snapshot;

            // Read after the generation and the stamp: a change in between makes the next call rebuild, never keeps stale data.
            var meetings = await AccountabilityQueries.MeetingsAsync(db, cancellationToken);
            var actions = await AccountabilityQueries.ActionsAsync(db, cancellationToken);
            var items = await AccountabilityQueries.IdeasAndFollowersAsync(db, cancellationToken);
            var notes = await AccountabilityQueries.DoneNoteCandidatesAsync(db, meetings, cancellationToken);
            var fresh = AccountabilitySnapshot.Build(stamp, meetings, actions, items, TimeSpan.FromDays(options.Value.FollowUpDays), notes);
            held = new Held(fresh, gen, now);
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A harvest changed meetings: the next call rebuilds (the harvest does not wait for it).</summary>
    public Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref generation);
        return Task.CompletedTask;
    }

    public void Dispose() => gate.Dispose();

    private Held? Current(int gen, DataStamp stamp) => held is { } h && h.Generation == gen && h.Snapshot.Stamp == stamp ? h : null;

    private sealed record Held(AccountabilitySnapshot Snapshot, int Generation, DateTimeOffset CheckedAt);
}
