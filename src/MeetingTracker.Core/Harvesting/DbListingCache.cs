using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// The listing pages of one source, loaded before a walk and saved after the run has stored every meeting: a run
/// killed half-way leaves the old pages, so the next run revalidates rather than trusts them.
/// </summary>
internal sealed class DbListingCache : IListingCache
{
    private readonly Dictionary<string, ListingPage> pages;
    private readonly Dictionary<string, CachedListing> changed = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private DbListingCache(Dictionary<string, ListingPage> pages) => this.pages = pages;

    public static async Task<DbListingCache> LoadAsync(TrackerDb db, int sourceId, CancellationToken cancellationToken)
        => new(await db.ListingPages.AsNoTracking().Where(p => p.SourceId == sourceId).ToDictionaryAsync(p => p.Path, StringComparer.Ordinal, cancellationToken));

    // The loaded pages are only read during the walk (changes go to their own map), so the walkers need no lock, and
    // a body is decompressed outside any lock and only if the walk reads it (a page answered 304 it parsed before is not).
    public CachedListing? Find(string folderPath)
        => pages.TryGetValue(folderPath, out var p) ? new CachedListing(p.ETag, p.LastModified, () => FileContent.Decompress(p.Content)) : null;

    public void Store(string folderPath, CachedListing listing)
    {
        lock (gate)
        {
            changed[folderPath] = listing;
        }
    }

    public async Task SaveAsync(TrackerDb db, int sourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (path, listing) in changed)
        {
            var content = FileContent.Compress(listing.Html);
            if (pages.TryGetValue(path, out var old))
            {
                await db.ListingPages.Where(p => p.Id == old.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.ETag, listing.ETag).SetProperty(p => p.LastModified, listing.LastModified)
                        .SetProperty(p => p.Content, content).SetProperty(p => p.FetchedAt, now),
                    cancellationToken);
            }
            else
            {
                db.ListingPages.Add(new ListingPage { SourceId = sourceId, Path = path, ETag = listing.ETag, LastModified = listing.LastModified, Content = content, FetchedAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
