namespace MeetingTracker.Core.Harvesting;

/// <summary>Listing pages from earlier harvests, by folder path (relative, ending with <c>/</c>; the root is empty).</summary>
public interface IListingCache
{
    CachedListing? Find(string folderPath);

    void Store(string folderPath, CachedListing listing);
}

/// <summary>A listing page body with the validators it came with; a stored body is decompressed only when read.</summary>
public sealed class CachedListing
{
    private readonly Lazy<byte[]> html;

    public CachedListing(string? etag, DateTimeOffset? lastModified, byte[] html)
        : this(etag, lastModified, () => html)
    {
    }

    public CachedListing(string? etag, DateTimeOffset? lastModified, Func<byte[]> html)
    {
        ETag = etag;
        LastModified = lastModified;
        this.html = new Lazy<byte[]>(html);
    }

    public string? ETag { get; }

    public DateTimeOffset? LastModified { get; }

    public byte[] Html => html.Value;
}

/// <summary>A cache that keeps nothing (folders, or a first harvest).</summary>
public sealed class NoListingCache : IListingCache
{
    public static readonly NoListingCache Instance = new();

    public CachedListing? Find(string folderPath) => null;

    public void Store(string folderPath, CachedListing listing)
    {
    }
}
