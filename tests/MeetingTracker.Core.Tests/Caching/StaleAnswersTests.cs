using MeetingTracker.Core.Caching;

namespace MeetingTracker.Core.Tests.Caching;

/// <summary>A stale answer served anywhere below a request's watch is seen by that watch, and by no other request's.</summary>
public sealed class StaleAnswersTests
{
    [Fact]
    public async Task A_mark_deep_in_the_request_s_awaits_reaches_its_watch_and_no_other()
    {
        var marked = new TaskCompletionSource();
        var proceed = new TaskCompletionSource();
        async Task<bool> RequestAsync(bool serveStale)
        {
            var watch = StaleAnswers.Begin();
            await Task.Yield();
            if (serveStale) await ServeStaleAsync();
            marked.TrySetResult();
            await proceed.Task;
            return watch.Stale;
        }

        var stale = Task.Run(() => RequestAsync(serveStale: true), TestContext.Current.CancellationToken);
        await marked.Task;
        var fresh = Task.Run(() => RequestAsync(serveStale: false), TestContext.Current.CancellationToken);
        proceed.SetResult();

        Assert.True(await stale);
        Assert.False(await fresh);
    }

    [Fact]
    public void A_mark_outside_any_watch_is_harmless() => StaleAnswers.Mark();

    private static async Task ServeStaleAsync()
    {
        await Task.Delay(1, TestContext.Current.CancellationToken).ConfigureAwait(false);
        StaleAnswers.Mark();
    }
}
