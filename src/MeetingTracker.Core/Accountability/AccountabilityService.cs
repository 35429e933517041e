using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Action chains and idea trails for every team, kept in memory and rebuilt when the database changed
/// (<see cref="DataStamp"/>, checked on every call). States and ages are not kept: they depend on the clock, and are
/// worked out by the caller through <see cref="Now"/> and <see cref="DueDays"/>.
/// </summary>
public sealed class AccountabilityService(IDbContextFactory<TrackerDb> dbFactory, IOptions<AccountabilityOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile AccountabilitySnapshot? snapshot;

    public int DueDays => options.Value.DueDays;

    public int FollowUpDays => options.Value.FollowUpDays;

    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task<AccountabilitySnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stamp = await DataStamp.ReadAsync(db, cancellationToken);
        if (snapshot is { } current && current.Stamp == stamp) return current;

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is { } built && built.Stamp == stamp) return built;

            // Read after the stamp: a change in between makes the next call rebuild, never keeps stale data.
            var meetings = await AccountabilityQueries.MeetingsAsync(db, cancellationToken);
            var actions = await AccountabilityQueries.ActionsAsync(db, cancellationToken);
            var items = await AccountabilityQueries.IdeasAndFollowersAsync(db, cancellationToken);
            var fresh = AccountabilitySnapshot.Build(stamp, meetings, actions, items, TimeSpan.FromDays(options.Value.FollowUpDays));
            snapshot = fresh;
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
