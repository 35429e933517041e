using System.Collections.Concurrent;
using System.Text;

namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// The links of a source's listing pages as last parsed, by page URL, with the validators and base they were parsed
/// under; kept with the source's client across harvests. A page answered 304 Not Modified is the stored page those
/// validators came with, so its links are the ones parsed from it before: an unchanged server is walked without
/// decompressing or parsing its pages again (parsing was most of the client's work in an unchanged re-harvest). A
/// page answered with a body (200), or stored under other validators, is always parsed. About as large as the
/// source's listings once parsed (a few megabytes for 10,000 meetings).
/// </summary>
internal sealed class ParsedListings
{
    private readonly ConcurrentDictionary<Uri, Parsed> pages = new();

    /// <summary>The links of a page answered 304: the remembered ones when they were parsed from this stored page.</summary>
    public IReadOnlyList<ListingEntry> OfUnchanged(Uri pageUri, SourceScope scope, CachedListing stored)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(stored);
        return pages.TryGetValue(pageUri, out var parsed) && parsed.IsOf(scope.BaseUri, stored.ETag, stored.LastModified)
            ? parsed.Links
            : Parse(pageUri, scope, stored);
    }

    /// <summary>Parses a page (fetched, or stored and not parsed in this process yet) and remembers its links.</summary>
    public IReadOnlyList<ListingEntry> Parse(Uri pageUri, SourceScope scope, CachedListing page)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(page);
        var links = ListingParser.Parse(Encoding.UTF8.GetString(page.Html), pageUri, scope);
        if (page.ETag is null && page.LastModified is null)
        {
            // Never revalidated, so never answered 304: nothing to reuse it for.
            pages.TryRemove(pageUri, out _);
        }
        else
        {
            pages[pageUri] = new Parsed(scope.BaseUri, page.ETag, page.LastModified, links);
        }

        return links;
    }

    private sealed record Parsed(Uri BaseUri, string? ETag, DateTimeOffset? LastModified, IReadOnlyList<ListingEntry> Links)
    {
        public bool IsOf(Uri baseUri, string? etag, DateTimeOffset? lastModified)
            => BaseUri == baseUri && string.Equals(ETag, etag, StringComparison.Ordinal) && LastModified == lastModified;
    }
}
