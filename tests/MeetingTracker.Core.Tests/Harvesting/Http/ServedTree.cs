using System.Collections.Concurrent;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Harvesting.Http;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingTracker.Core.Tests.Harvesting.Http;

/// <summary>A generated meetbot tree in a temp folder, served by a real Kestrel on 127.0.0.1, and a source factory.</summary>
internal sealed class ServedTree : IAsyncDisposable
{
    private ServedTree(TempDir dir, MeetbotHttpServer server)
    {
        Dir = dir;
        Server = server;
    }

    public TempDir Dir { get; }

    public string Root => Dir.Path;

    public MeetbotHttpServer Server { get; }

    public HttpSourceFactory Factory { get; } = new(TimeProvider.System, NullLoggerFactory.Instance);

    public static Task<ServedTree> StartAsync(ServerLayout layout, ListingStyle style)
        => StartAsync(style, dir => ServerGenerator.WriteTo(dir, new GeneratorOptions { Layout = layout, Teams = 3, Weeks = 3, Seed = 5 }, TestContext.Current.CancellationToken));

    public static async Task<ServedTree> StartAsync(ListingStyle style, Action<string> fill)
    {
        var dir = new TempDir();
        fill(dir.Path);
        return new ServedTree(dir, await MeetbotHttpServer.StartAsync(dir.Path, style, TestContext.Current.CancellationToken));
    }

    /// <summary>Options fit for tests: short back-off and time-out, no rate limit.</summary>
    public SourceOptions Options(Action<SourceOptions>? configure = null)
    {
        var options = new SourceOptions
        {
            Name = "test",
            Location = Server.BaseUri.ToString(),
            MaxAttempts = 3,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            RequestTimeout = TimeSpan.FromMilliseconds(500),
            RequestsPerSecond = 0,
        };
        configure?.Invoke(options);
        return options;
    }

    public IMeetbotSource Source(SourceTraffic traffic, Action<SourceOptions>? configure = null) => Factory.Create(Options(configure), traffic);

    public async Task<SourceListing> FolderListingAsync(SourceOptions options)
        => await new FolderSource(Root, SourceFilter.From(options), options.MaxFileBytes, new SourceTraffic()).ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Factory.Dispose();
        Dir.Dispose();
    }
}

/// <summary>Listing pages kept in memory between two walks, as the harvester keeps them in the database.</summary>
internal sealed class MemoryListingCache : IListingCache
{
    private readonly ConcurrentDictionary<string, CachedListing> pages = new(StringComparer.Ordinal);

    public int Count => pages.Count;

    public CachedListing? Find(string folderPath) => pages.GetValueOrDefault(folderPath);

    public void Store(string folderPath, CachedListing listing) => pages[folderPath] = listing;
}
