using System.Collections.Concurrent;
using MeetingTracker.Core.Meetbot;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// A meetbot server read through its directory listings (Apache, nginx or plain links), walked from the base URL
/// with the source's filters applied before each request, so excluded channels and older dated folders are never
/// asked for. Listings and files are revalidated with their validators, so an unchanged server costs no bodies.
/// </summary>
public sealed partial class HttpSource : IMeetbotSource
{
    /// <summary>Folder levels below the base that are walked (the deepest layout, Fedora's, has two).</summary>
    public const int MaxDepth = 6;

    private readonly HttpSourceClient client;
    private readonly SourceScope scope;
    private readonly SourceFilter filter;
    private readonly int concurrency;
    private readonly RequestTag tag;
    private readonly ILogger logger;

    internal HttpSource(HttpSourceClient client, SourceScope scope, SourceFilter filter, int concurrency, RequestTag tag, ILogger logger)
    {
        this.client = client;
        this.scope = scope;
        this.filter = filter;
        this.concurrency = concurrency;
        this.tag = tag;
        this.logger = logger;
    }

    public Uri BaseUri => scope.BaseUri;

    public async Task<SourceListing> ListAsync(IListingCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        using var walk = new Walk(cache, concurrency);
        await ListFolderAsync(string.Empty, walk, cancellationToken);
        return new SourceListing(
            [.. walk.Entries.OrderBy(e => e.Path, StringComparer.Ordinal)],
            [.. walk.Failures.OrderBy(f => f.Path, StringComparer.Ordinal)]);
    }

    public async Task<FetchResult> FetchAsync(SourceEntry entry, FileValidators? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Length > tag.MaxBytes)
        {
            throw new SourceException($"file is {entry.Length} bytes, over the limit of {tag.MaxBytes}");
        }

        using var response = await client.GetAsync(scope.UriOf(entry.Path), known?.ETag, known?.LastModified, tag, scope, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotModified)
        {
            return known is not null ? FetchResult.Unchanged : throw new SourceException("HTTP 304 Not Modified to an unconditional request");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new FetchResult(body, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
    }

    private async Task ListFolderAsync(string folder, Walk walk, CancellationToken cancellationToken)
    {
        (CachedListing Page, Uri PageUri, bool Unchanged) page;
        await walk.Gate.WaitAsync(cancellationToken);
        try
        {
            page = await ReadListingAsync(folder, walk.Cache, cancellationToken);
        }
        catch (SourceException e) when (folder.Length > 0)
        {
            LogFolderFailed(logger, scope.BaseUri, folder, e.Message);
            walk.Failures.Add(new SourceFailure(folder, e.Message));
            return;
        }
        finally
        {
            walk.Gate.Release();
        }

        // Parsed after the request's slot is given back, so a slot is a request in flight, not a page being parsed.
        var links = page.Unchanged ? client.Listings.OfUnchanged(page.PageUri, scope, page.Page) : client.Listings.Parse(page.PageUri, scope, page.Page);
        var children = new List<Task>();
        foreach (var link in links)
        {
            if (link.IsFolder)
            {
                if (link.Path.Count(c => c == '/') <= MaxDepth && filter.AllowsFolder(link.Path) && walk.Folders.TryAdd(link.Path, 0))
                {
                    children.Add(ListFolderAsync(link.Path, walk, cancellationToken));
                }
            }
            else if (MeetingFileName.FormatOfExtension(link.Name) is not null && filter.AllowsFile(link.Path) && walk.Files.TryAdd(link.Path, 0))
            {
                // Apache's abbreviated sizes would pass for lengths; only exact ones are given.
                walk.Entries.Add(new SourceEntry(link.Path, link.SizeIsExact ? link.Size : null, link.LastModified) { ListingUnchanged = page.Unchanged });
            }
        }

        await Task.WhenAll(children);
    }

    private async Task<(CachedListing Page, Uri PageUri, bool Unchanged)> ReadListingAsync(string folder, IListingCache cache, CancellationToken cancellationToken)
    {
        var cached = cache.Find(folder);
        using var response = await client.GetAsync(scope.UriOf(folder), cached?.ETag, cached?.LastModified, tag, scope, cancellationToken);
        var pageUri = response.RequestMessage?.RequestUri ?? scope.UriOf(folder);
        if (response.StatusCode == System.Net.HttpStatusCode.NotModified)
        {
            return cached is not null
                ? (cached, pageUri, true)
                : throw new SourceException("HTTP 304 Not Modified to an unconditional request");
        }

        var page = new CachedListing(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        cache.Store(folder, page);
        return (page, pageUri, false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{BaseUri}: cannot list {Folder}: {Reason}")]
    private static partial void LogFolderFailed(ILogger logger, Uri baseUri, string folder, string reason);

    /// <summary>The state of one walk, shared by the folders listed in parallel.</summary>
    private sealed class Walk(IListingCache cache, int concurrency) : IDisposable
    {
        public IListingCache Cache { get; } = cache;

        public SemaphoreSlim Gate { get; } = new(concurrency);

        public ConcurrentBag<SourceEntry> Entries { get; } = [];

        public ConcurrentBag<SourceFailure> Failures { get; } = [];

        public ConcurrentDictionary<string, byte> Folders { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, byte> Files { get; } = new(StringComparer.Ordinal);

        public void Dispose() => Gate.Dispose();
    }
}
