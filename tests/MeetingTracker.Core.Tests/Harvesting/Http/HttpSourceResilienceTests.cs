using MeetingTracker.Core.Harvesting;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;

namespace MeetingTracker.Core.Tests.Harvesting.Http;

/// <summary>Retries, time-outs and limits against faults the real server injects.</summary>
public sealed class HttpSourceResilienceTests
{
    [Fact]
    public async Task Two_503s_then_success_is_retried_and_succeeds()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Apache);
        var traffic = new SourceTraffic();
        var source = tree.Source(traffic);
        var entry = (await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken)).Entries[0];
        tree.Server.Log.Reset();
        tree.Server.Faults.FailNext(entry.Path, 2);

        var fetched = await source.FetchAsync(entry, null, TestContext.Current.CancellationToken);

        Assert.NotNull(fetched.Content);
        Assert.Equal([503, 503, 200], tree.Server.Log.Entries.Select(r => r.Status));
        Assert.Equal(2, traffic.Retries);
    }

    [Fact]
    public async Task A_persistent_503_fails_after_exactly_max_attempts()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Nginx);
        var source = tree.Source(new SourceTraffic(), o => o.MaxAttempts = 4);
        var entry = (await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken)).Entries[0];
        tree.Server.Log.Reset();
        tree.Server.Faults.FailNext(entry.Path, 100);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(entry, null, TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 503 Service Unavailable after 4 attempts", error.Message);
        Assert.Equal(4, tree.Server.Log.Requests);
    }

    [Fact]
    public async Task A_slow_answer_is_retried_after_the_attempt_time_out()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Apache);
        var traffic = new SourceTraffic();
        var source = tree.Source(traffic, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        var entry = (await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken)).Entries[0];
        tree.Server.Faults.DelayNext(entry.Path, TimeSpan.FromSeconds(5), 1);

        var fetched = await source.FetchAsync(entry, null, TestContext.Current.CancellationToken);

        Assert.NotNull(fetched.Content);
        Assert.Equal(1, traffic.Retries);
    }

    [Fact]
    public async Task A_folder_that_keeps_timing_out_is_recorded_and_the_walk_goes_on()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Fedora, ListingStyle.Nginx);
        var folder = Path.GetFileName(Directory.GetDirectories(tree.Root).Order(StringComparer.Ordinal).First()) + "/";
        tree.Server.Faults.DelayNext(folder, TimeSpan.FromSeconds(5), 100);
        var source = tree.Source(new SourceTraffic(), o =>
        {
            o.MaxAttempts = 2;
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
        });

        var listing = await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);

        var failure = Assert.Single(listing.Failures);
        Assert.Equal(folder, failure.Path);
        Assert.Equal("timed out after 2 attempts (0.3 s each)", failure.Reason);
        Assert.NotEmpty(listing.Entries);
        Assert.DoesNotContain(listing.Entries, e => e.Path.StartsWith(folder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_root_listing_throws()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Apache);
        tree.Server.Faults.FailNext(string.Empty, 100, 500);
        var source = tree.Source(new SourceTraffic(), o => o.MaxAttempts = 2);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 500 Internal Server Error after 2 attempts", error.Message);
    }

    [Fact]
    public async Task A_missing_file_fails_at_once_without_retries()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Apache);
        var traffic = new SourceTraffic();
        var source = tree.Source(traffic);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(new SourceEntry("gone/2026/gone.2026-01-01-10.00.log.txt", null, null), null, TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 404 Not Found", error.Message);
        Assert.Equal(0, traffic.Retries);
    }

    [Theory]
    [InlineData(ListingStyle.Nginx, false)]
    [InlineData(ListingStyle.Apache, true)]
    public async Task An_oversized_file_is_refused_without_its_body(ListingStyle style, bool asksServer)
    {
        const string big = "big/2026/big.2026-01-05-10.00.log.txt";
        await using var tree = await ServedTree.StartAsync(style, dir => File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "big", "2026")).FullName, Path.GetFileName(big)), new byte[200_000]));
        var traffic = new SourceTraffic();
        var source = tree.Source(traffic, o => o.MaxFileBytes = 100_000);
        var entry = Assert.Single((await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken)).Entries);
        var bodies = traffic.Bodies;
        tree.Server.Log.Reset();

        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(entry, null, TestContext.Current.CancellationToken));

        Assert.Equal(big, entry.Path);
        Assert.Equal("file is 200000 bytes, over the limit of 100000", error.Message);
        Assert.Equal(bodies, traffic.Bodies);
        Assert.Equal(asksServer ? 1 : 0, tree.Server.Log.Requests);
    }

    [Fact]
    public async Task A_listing_that_grows_past_the_limit_is_cut_off()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Fedora, ListingStyle.Apache);
        var source = tree.Source(new SourceTraffic(), o => o.MaxFileBytes = 500);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken));

        Assert.Equal("body grew past the limit of 500 bytes", error.Message);
    }
}
