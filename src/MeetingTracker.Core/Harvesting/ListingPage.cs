namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// A directory listing page of an HTTP source as last fetched, so a 304 Not Modified lets the harvester walk on
/// without downloading it again.
/// </summary>
public sealed class ListingPage
{
    public int Id { get; set; }

    public int SourceId { get; set; }

    /// <summary>Path of the folder relative to the source root, <c>/</c>-separated, ending with <c>/</c> (root: empty).</summary>
    public required string Path { get; set; }

    public string? ETag { get; set; }

    public DateTimeOffset? LastModified { get; set; }

    /// <summary>The page's HTML, Brotli-compressed.</summary>
    public required byte[] Content { get; set; }

    public DateTimeOffset FetchedAt { get; set; }
}
