using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Harvesting.Http;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;

namespace MeetingTracker.Core.Tests.Harvesting.Http;

/// <summary>Walking a generated server over real HTTP: the same files as the folder, and nothing twice.</summary>
public sealed class HttpSourceWalkTests
{
    public static TheoryData<ServerLayout, ListingStyle> LayoutsAndStyles()
    {
        var data = new TheoryData<ServerLayout, ListingStyle>();
        foreach (var layout in Enum.GetValues<ServerLayout>())
        {
            foreach (var style in Enum.GetValues<ListingStyle>()) data.Add(layout, style);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LayoutsAndStyles))]
    public async Task Walk_finds_exactly_the_files_the_folder_source_finds(ServerLayout layout, ListingStyle style)
    {
        await using var tree = await ServedTree.StartAsync(layout, style);
        var traffic = new SourceTraffic();

        var listing = await tree.Source(traffic).ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);

        var expected = await tree.FolderListingAsync(tree.Options());
        Assert.NotEmpty(expected.Entries);
        Assert.Equal(expected.Entries.Select(e => e.Path).Order(StringComparer.Ordinal), listing.Entries.Select(e => e.Path));
        Assert.Empty(listing.Failures);
        Assert.All(listing.Entries, e => Assert.False(e.ListingUnchanged));
        Assert.All(listing.Entries, e => Assert.Equal(style != ListingStyle.Plain, e.LastModified is not null));
        if (style == ListingStyle.Nginx)
        {
            Assert.Equal(expected.Entries.OrderBy(e => e.Path, StringComparer.Ordinal).Select(e => e.Length), listing.Entries.Select(e => e.Length));
        }

        var folders = tree.Server.Log.Entries.Where(r => r.Path.EndsWith('/')).Select(r => r.Path).ToList();
        Assert.Equal(folders.Count, folders.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(traffic.Requests, tree.Server.Log.Requests);
    }

    [Fact]
    public async Task Fetch_returns_the_bytes_on_disk_with_validators()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Apache);
        var source = tree.Source(new SourceTraffic());
        var listing = await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);

        var entry = listing.Entries[0];
        var fetched = await source.FetchAsync(entry, null, TestContext.Current.CancellationToken);

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(tree.Root, entry.Path), TestContext.Current.CancellationToken), fetched.Content);
        Assert.NotNull(fetched.ETag);
        Assert.NotNull(fetched.LastModified);
    }

    [Theory]
    [InlineData(ListingStyle.Apache)]
    [InlineData(ListingStyle.Nginx)]
    [InlineData(ListingStyle.Plain)]
    public async Task A_second_harvest_of_an_unchanged_server_transfers_no_bodies(ListingStyle style)
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Fedora, style);
        var cache = new MemoryListingCache();
        var (first, validators) = await HarvestAsync(tree.Source(new SourceTraffic()), cache, null);
        tree.Server.Log.Reset();
        var traffic = new SourceTraffic();

        var (second, _) = await HarvestAsync(tree.Source(traffic), cache, validators);

        Assert.Equal(first.Entries.Select(e => e.Path), second.Entries.Select(e => e.Path));
        Assert.All(second.Entries, e => Assert.True(e.ListingUnchanged));
        Assert.Equal(0, tree.Server.Log.Bodies);
        Assert.Equal(tree.Server.Log.Requests, tree.Server.Log.NotModified);
        Assert.Equal(0, traffic.Bodies);
        Assert.Equal(traffic.Requests, traffic.NotModified);
    }

    [Fact]
    public async Task A_walk_by_a_new_process_reads_the_stored_pages_the_server_answers_304_to()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Fedora, ListingStyle.Apache);
        var cache = new MemoryListingCache();
        var (first, validators) = await HarvestAsync(tree.Source(new SourceTraffic()), cache, null);
        using var restarted = new HttpSourceFactory(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        tree.Server.Log.Reset();

        var (second, _) = await HarvestAsync(restarted.Create(tree.Options(), new SourceTraffic()), cache, validators);

        Assert.Equal(first.Entries.Select(e => e.Path), second.Entries.Select(e => e.Path));
        Assert.All(second.Entries, e => Assert.True(e.ListingUnchanged));
        Assert.Equal(tree.Server.Log.Requests, tree.Server.Log.NotModified);
    }

    [Fact]
    public async Task A_changed_and_an_added_file_are_seen_on_the_next_harvest()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.OpenStack, ListingStyle.Nginx);
        var cache = new MemoryListingCache();
        var (first, validators) = await HarvestAsync(tree.Source(new SourceTraffic()), cache, null);
        var changed = first.Entries[0].Path;
        await File.AppendAllTextAsync(Path.Combine(tree.Root, changed), "one more line\n", TestContext.Current.CancellationToken);
        var folder = changed[..changed.LastIndexOf('/')];
        var name = Path.GetFileName(changed);
        var added = folder + "/" + name[..name.IndexOf('.', StringComparison.Ordinal)] + ".2031-01-01-10.00.log.txt";
        tree.Dir.Write(added, "10:00:00 <a> hello\n");
        var source = tree.Source(new SourceTraffic());

        var (second, _) = await HarvestAsync(source, cache, validators);

        Assert.Equal(first.Entries.Select(e => e.Path).Append(added).Order(StringComparer.Ordinal), second.Entries.Select(e => e.Path));
        Assert.False(second.Entries.Single(e => e.Path == changed).ListingUnchanged);
        var refetched = await source.FetchAsync(second.Entries.Single(e => e.Path == changed), validators[changed], TestContext.Current.CancellationToken);
        Assert.EndsWith("one more line\n", System.Text.Encoding.UTF8.GetString(refetched.Content!), StringComparison.Ordinal);
        var other = second.Entries.First(e => !e.Path.StartsWith(folder + "/", StringComparison.Ordinal));
        Assert.True(other.ListingUnchanged);
        Assert.True((await source.FetchAsync(other, validators[other.Path], TestContext.Current.CancellationToken)).NotModified);
    }

    [Fact]
    public async Task Include_exclude_and_since_prune_the_requests()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Fedora, ListingStyle.Apache);
        var channels = Directory.GetDirectories(tree.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var days = Directory.GetDirectories(Path.Combine(tree.Root, channels[0]!)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var since = DateOnly.Parse(days[1]!, System.Globalization.CultureInfo.InvariantCulture);
        void Configure(SourceOptions o)
        {
            o.Exclude.Add(channels[^1]!);
            o.Since = since;
        }

        var listing = await tree.Source(new SourceTraffic(), Configure).ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);

        var expected = await tree.FolderListingAsync(tree.Options(Configure));
        Assert.NotEmpty(expected.Entries);
        Assert.Equal(expected.Entries.Select(e => e.Path).Order(StringComparer.Ordinal), listing.Entries.Select(e => e.Path));
        var paths = tree.Server.Log.Paths;
        Assert.DoesNotContain(paths, p => p.StartsWith($"/meetbot/{channels[^1]}", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains($"/{days[0]}/", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.Contains($"/{days[1]}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_carries_the_harvester_user_agent()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Plain);
        var source = tree.Source(new SourceTraffic());
        var listing = await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);
        await source.FetchAsync(listing.Entries[0], null, TestContext.Current.CancellationToken);

        Assert.NotEmpty(tree.Server.Log.Entries);
        Assert.All(tree.Server.Log.Entries, r => Assert.Equal(HttpSourceClient.UserAgent, r.UserAgent));
        Assert.Matches(@"^MeetingTracker/\S+ \(\+https://github\.com/meetingtracker/meetingtracker; meetbot harvester\)$", HttpSourceClient.UserAgent);
    }

    internal static async Task<(SourceListing Listing, Dictionary<string, FileValidators> Validators)> HarvestAsync(
        IMeetbotSource source, IListingCache cache, Dictionary<string, FileValidators>? known)
    {
        var listing = await source.ListAsync(cache, TestContext.Current.CancellationToken);
        var validators = new Dictionary<string, FileValidators>(StringComparer.Ordinal);
        foreach (var entry in listing.Entries)
        {
            var old = known?.GetValueOrDefault(entry.Path);
            var result = await source.FetchAsync(entry, old, TestContext.Current.CancellationToken);
            validators[entry.Path] = result.NotModified ? old! : new FileValidators(result.ETag, result.LastModified, result.Content!.Length);
        }

        return (listing, validators);
    }
}
