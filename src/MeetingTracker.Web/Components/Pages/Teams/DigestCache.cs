using System.Collections.Concurrent;
using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Components.Pages.Teams;

/// <summary>
/// Digests (aggregates over hundreds or thousands of rows: a team's people, a person's meetings, the statistics) kept
/// in memory until the next harvest says the meetings changed, so the team and person pages answer from a handful of
/// indexed lookups. One build per key at a time: concurrent requests for a missing digest share it. A digest lives at
/// most <see cref="Lifetime"/>, as alias edits made by the CLI in another process tell no one here.
/// </summary>
public sealed class DigestCache(TimeProvider clock) : IMeetingsChangedHandler
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Bounds memory on a large site; past it the cache starts over (rebuilding is cheap, only slower).</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<object, Entry> entries = new();

    /// <summary>
    /// The digest under <paramref name="key"/> (a record, compared by value), built by <paramref name="build"/> when
    /// missing or old. The build runs to its end even when the request that started it goes away, as others may wait
    /// for it; <paramref name="cancellationToken"/> only stops this caller's wait.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        var now = clock.GetUtcNow();
        if (!entries.TryGetValue(key, out var entry) || entry.Expires <= now || entry.Failed)
        {
            if (entries.Count >= MaxEntries) entries.Clear();
            var fresh = new Entry(now + Lifetime, new Lazy<Task<object?>>(async () => await build(CancellationToken.None).ConfigureAwait(false)));
            entry = entry is null ? entries.GetOrAdd(key, fresh) : Replace(key, entry, fresh);
        }

        return (T)(await entry.Build.Value.WaitAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Forgets every digest (after a harvest).</summary>
    public void Clear() => entries.Clear();

    public Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        Clear();
        return Task.CompletedTask;
    }

    private Entry Replace(object key, Entry old, Entry fresh)
        => entries.TryUpdate(key, fresh, old) ? fresh : entries.GetOrAdd(key, fresh);

    private sealed record Entry(DateTimeOffset Expires, Lazy<Task<object?>> Build)
    {
        public bool Failed => Build.IsValueCreated && (Build.Value.IsFaulted || Build.Value.IsCanceled);
    }
}
