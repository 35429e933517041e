namespace MeetingTracker.Core.Harvesting;

/// <summary>Listing pages from earlier harvests, by folder path (relative, ending with <c>/</c>; the root is empty).</summary>
public interface IListingCache
{
    CachedListing? Find(string folderPath);

    void Store(string folderPath, CachedListing listing);
}

/// <summary>A listing page body with the validators it came with.</summary>
public sealed record CachedListing(string? ETag, DateTimeOffset? LastModified, byte[] Html);

/// <summary>A cache that keeps nothing (folders, or a first harvest).</summary>
public sealed class NoListingCache : IListingCache
{
    public static readonly NoListingCache Instance = new();

    public CachedListing? Find(string folderPath) => null;

    public void Store(string folderPath, CachedListing listing)
    {
    }
}
