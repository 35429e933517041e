using System.Collections.Concurrent;
using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Components.Common;

/// <summary>
/// Answers (aggregates, page frames, search results) kept in memory until a harvest says the meetings changed, and at
/// most <c>lifetime</c> (edits made by the CLI in another process tell no one here). One build per key at a time:
/// concurrent requests for a missing answer share it. Past <c>maxEntries</c> the cache starts over (a rebuild is only
/// slower), which bounds memory on a large site.
/// </summary>
public class AnswerCache(TimeProvider clock, TimeSpan lifetime, int maxEntries) : IMeetingsChangedHandler
{
    private readonly ConcurrentDictionary<object, Entry> entries = new();

    /// <summary>
    /// The answer under <paramref name="key"/> (a record, compared by value), built by <paramref name="build"/> when
    /// missing, old or failed. The build runs to its end even when the request that started it goes away, as others
    /// may wait for it; <paramref name="cancellationToken"/> only stops this caller's wait.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        var now = clock.GetUtcNow();
        if (!entries.TryGetValue(key, out var entry) || entry.Expires <= now || entry.Failed)
        {
            if (entries.Count >= maxEntries) entries.Clear();
            var fresh = new Entry(now + lifetime, new Lazy<Task<object?>>(async () => await build(CancellationToken.None).ConfigureAwait(false)));
            entry = entry is null ? entries.GetOrAdd(key, fresh) : Replace(key, entry, fresh);
        }

        return (T)(await entry.Build.Value.WaitAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Forgets every answer.</summary>
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
