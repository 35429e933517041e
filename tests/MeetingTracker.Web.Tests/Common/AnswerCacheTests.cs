using MeetingTracker.Web.Components.Common;
using Microsoft.Extensions.Time.Testing;

namespace MeetingTracker.Web.Tests.Common;

/// <summary>
/// Stale-while-revalidate: an old answer is served while one rebuild runs behind it; only a key with no answer makes
/// a request wait. Builds are held by gates, so every step is decided by the test, not by timing.
/// </summary>
public sealed class AnswerCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_old_answer_is_served_while_one_rebuild_runs_then_the_fresh_one()
    {
        var cache = new AnswerCache(clock, Lifetime, 100);
        Assert.Equal("v1", await cache.GetAsync("k", _ => Task.FromResult("v1"), Ct));
        clock.Advance(Lifetime);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builds = 0;
        Task<string> Build(CancellationToken _)
        {
            Interlocked.Increment(ref builds);
            return gate.Task;
        }

        var served = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync("k", Build, Ct)));
        gate.SetResult("v2");
        await cache.LastBuild("k");

        Assert.All(served, s => Assert.Equal("v1", s));
        Assert.Equal(1, builds);
        Assert.Equal("v2", await cache.GetAsync("k", Build, Ct));
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task Requests_for_a_key_without_an_answer_wait_for_one_shared_build()
    {
        var cache = new AnswerCache(clock, Lifetime, 100);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builds = 0;
        Task<string> Build(CancellationToken _)
        {
            Interlocked.Increment(ref builds);
            return gate.Task;
        }

        var waiting = Enumerable.Range(0, 10).Select(_ => cache.GetAsync("k", Build, Ct)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        gate.SetResult("v1");

        Assert.All(await Task.WhenAll(waiting), s => Assert.Equal("v1", s));
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_old_answer_and_the_next_request_tries_again()
    {
        var cache = new AnswerCache(clock, Lifetime, 100);
        await cache.GetAsync("k", _ => Task.FromResult("v1"), Ct);
        clock.Advance(Lifetime);
        var failing = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.Equal("v1", await cache.GetAsync("k", _ => failing.Task, Ct));
        failing.SetException(new InvalidOperationException("database gone"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.LastBuild("k"));

        var retry = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal("v1", await cache.GetAsync("k", _ => retry.Task, Ct));
        retry.SetResult("v2");
        await cache.LastBuild("k");
        Assert.Equal("v2", await cache.GetAsync("k", _ => Task.FromResult("never built"), Ct));
    }

    [Fact]
    public async Task A_change_of_the_meetings_rebuilds_the_answers_read_again_before_it_returns_and_drops_the_others()
    {
        var cache = new AnswerCache(clock, Lifetime, 100);
        var version = 1;
        var builds = new Dictionary<string, int>(StringComparer.Ordinal) { ["read"] = 0, ["unread"] = 0 };
        Func<CancellationToken, Task<string>> Build(string key) => _ =>
        {
            builds[key]++;
            return Task.FromResult($"{key} {version}");
        };

        await cache.GetAsync("read", Build("read"), Ct);
        await cache.GetAsync("unread", Build("unread"), Ct);
        Assert.Equal("read 1", await cache.GetAsync("read", Build("read"), Ct));
        version = 2;
        await cache.MeetingsChangedAsync(Ct);

        Assert.Equal((2, 1), (builds["read"], builds["unread"]));
        Assert.Equal("read 2", await cache.GetAsync("read", _ => Task.FromResult("not rebuilt by the request"), Ct));
        Assert.Equal("unread 2", await cache.GetAsync("unread", Build("unread"), Ct));
    }

    [Fact]
    public async Task A_change_during_a_build_leaves_its_answer_old()
    {
        var cache = new AnswerCache(clock, Lifetime, 100);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = cache.GetAsync("k", _ => gate.Task, Ct);
        await cache.MeetingsChangedAsync(Ct);
        gate.SetResult("built before the change");
        await first;

        var fresh = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal("built before the change", await cache.GetAsync("k", _ => fresh.Task, Ct));
        fresh.SetResult("after");
        await cache.LastBuild("k");
        Assert.Equal("after", await cache.GetAsync("k", _ => Task.FromResult("never built"), Ct));
    }

    [Fact]
    public async Task Rebuilds_behind_old_answers_run_one_after_the_other()
    {
        var cache = new AnswerCache(clock, Lifetime, 100);
        await cache.GetAsync("a", _ => Task.FromResult("a1"), Ct);
        await cache.GetAsync("b", _ => Task.FromResult("b1"), Ct);
        clock.Advance(Lifetime);
        var steps = new List<string>();
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.Equal("a1", await cache.GetAsync(
            "a",
            async _ =>
            {
                lock (steps) steps.Add("a started");
                aStarted.SetResult();
                await aGate.Task;
                lock (steps) steps.Add("a ended");
                return "a2";
            },
            Ct));
        Assert.Equal("b1", await cache.GetAsync(
            "b",
            _ =>
            {
                lock (steps) steps.Add("b started");
                return Task.FromResult("b2");
            },
            Ct));
        await aStarted.Task;
        lock (steps) steps.Add("a released");
        aGate.SetResult();
        await cache.LastBuild("b");

        Assert.Equal(["a started", "a released", "a ended", "b started"], steps);
        Assert.Equal("b2", await cache.GetAsync("b", _ => Task.FromResult("never built"), Ct));
    }
}
