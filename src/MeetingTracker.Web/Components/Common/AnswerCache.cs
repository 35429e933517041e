using System.Collections.Concurrent;
using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Components.Common;

/// <summary>
/// Answers (aggregates, page frames, search results) kept in memory, stale-while-revalidate: an answer older than
/// <c>lifetime</c> (edits made by the CLI in another process tell no one here) or than the last change of the
/// meetings is still served while one rebuild runs behind it, so a busy site never has every request rebuilding at
/// once after a harvest. A request waits only for a key that has no answer at all (concurrent ones share that build).
/// Rebuilds behind a served answer run one at a time for the whole cache (a harvest makes every answer old at once).
/// A harvest in this process refreshes the answers read since they were built before it ends, so its change is on the
/// next request; answers nobody read again are dropped. Past <c>maxEntries</c> the cache starts over, which bounds memory.
/// </summary>
public class AnswerCache(TimeProvider clock, TimeSpan lifetime, int maxEntries) : IMeetingsChangedHandler
{
    private readonly ConcurrentDictionary<object, Slot> slots = new();
    private readonly Lock laneLock = new();

    // The rebuilds behind served answers, one after the other.
    private Task lane = Task.CompletedTask;
    private int generation;

    /// <summary>
    /// The answer under <paramref name="key"/> (a record, compared by value), built by <paramref name="build"/> when
    /// missing, or served and rebuilt behind when old. A build runs to its end even when the request that started it
    /// goes away, as others may wait for it; <paramref name="cancellationToken"/> only stops this caller's wait.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        var now = clock.GetUtcNow();
        var current = Volatile.Read(ref generation);
        if (!slots.TryGetValue(key, out var slot))
        {
            if (slots.Count >= maxEntries) slots.Clear();
            slot = slots.GetOrAdd(key, _ => new Slot());
        }

        Task<object?> pending;
        lock (slot)
        {
            slot.Build = async ct => await build(ct).ConfigureAwait(false);
            slot.Read = true;
            if (slot.Held is { } held)
            {
                if (held.Generation != current || held.Expires <= now)
                {
                    // Served old while it is rebuilt: a page made from it must not be kept by the page cache.
                    Core.Caching.StaleAnswers.Mark();
                    if (slot.Running is null) slot.Start(Behind(slot));
                }

                return (T)held.Value!;
            }

            pending = slot.Running ?? slot.Start(Task.Run(() => RunAsync(slot, current)));
        }

        return (T)(await pending.WaitAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Forgets every answer.</summary>
    public void Clear() => slots.Clear();

    /// <summary>
    /// Every answer is old from now on. Those read since they were built are rebuilt one by one before this returns
    /// (requests meanwhile get the old ones), the others are dropped. A failed rebuild keeps its old answer, which the
    /// next request then rebuilds.
    /// </summary>
    public async Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        var current = Interlocked.Increment(ref generation);
        foreach (var (key, slot) in slots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task<object?> running;
            lock (slot)
            {
                if (slot.Held is null || slot.Held.Generation == current) continue;
                if (!slot.Read && slot.Running is null)
                {
                    slots.TryRemove(KeyValuePair.Create(key, slot));
                    continue;
                }

                running = slot.Running ?? slot.Start(Behind(slot));
            }

            await RefreshAsync(slot, running, current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last build started for <paramref name="key"/> (a test waits for it), or a completed task.</summary>
    internal Task LastBuild(object key)
    {
        if (!slots.TryGetValue(key, out var slot)) return Task.CompletedTask;
        lock (slot) return (Task?)slot.Last ?? Task.CompletedTask;
    }

    // A build that began before the change gives an old answer: one more after it.
    private async Task RefreshAsync(Slot slot, Task<object?> running, int current, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            try
            {
                await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return;
            }

            lock (slot)
            {
                if (slot.Held is null || slot.Held.Generation >= current) return;
                running = slot.Running ?? slot.Start(Behind(slot));
            }
        }
    }

    // Called under the slot's lock: the rebuild takes its turn in the lane, and cannot end before Running is set.
    private Task<object?> Behind(Slot slot)
    {
        lock (laneLock)
        {
            var run = lane.ContinueWith(
                previous =>
                {
                    // The previous rebuild's failure was its requests' business (its old answer stays): observed here.
                    _ = previous.Exception;
                    return RunAsync(slot, null);
                },
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            lane = run;
            return run;
        }
    }

    // The answer belongs to the generation its request saw, or (a rebuild behind) to the one when it starts.
    private async Task<object?> RunAsync(Slot slot, int? requested)
    {
        var built = requested ?? Volatile.Read(ref generation);
        var started = clock.GetUtcNow();
        Func<CancellationToken, Task<object?>> build;
        lock (slot) build = slot.Build;
        try
        {
            var value = await build(CancellationToken.None).ConfigureAwait(false);
            lock (slot)
            {
                slot.Held = new Answer(value, built, started + lifetime);
                slot.Read = false;
                slot.Running = null;
            }

            return value;
        }
        catch
        {
            // The old answer (if any) stays; the next request for it starts another build.
            lock (slot) slot.Running = null;
            throw;
        }
    }

    private sealed record Answer(object? Value, int Generation, DateTimeOffset Expires);

    /// <summary>One key's answer, its build (the latest request's) and the build running, under the slot's lock.</summary>
    private sealed class Slot
    {
        public Answer? Held { get; set; }

        public Task<object?>? Running { get; set; }

        public Task<object?>? Last { get; private set; }

        public Func<CancellationToken, Task<object?>> Build { get; set; } = _ => Task.FromResult<object?>(null);

        /// <summary>Read since its answer was built: worth rebuilding when the meetings change.</summary>
        public bool Read { get; set; }

        public Task<object?> Start(Task<object?> build)
        {
            Running = build;
            Last = build;
            return build;
        }
    }
}
