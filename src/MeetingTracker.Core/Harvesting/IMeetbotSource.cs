namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// A place meetbot files are read from: a local folder or an HTTP server's directory listings. A source lists its
/// files and fetches one at a time; it never writes to the database (the harvester does).
/// </summary>
public interface IMeetbotSource
{
    /// <summary>
    /// Walks the source and returns every meetbot file its filters allow, and the folders it could not list with why.
    /// <paramref name="cache"/> holds listing pages from the last harvest (HTTP sources revalidate them).
    /// </summary>
    Task<SourceListing> ListAsync(IListingCache cache, CancellationToken cancellationToken);

    /// <summary>
    /// Fetches one listed file. With <paramref name="known"/> validators an unchanged file comes back as
    /// <see cref="FetchResult.NotModified"/> and costs no body. Throws <see cref="SourceException"/> when the file
    /// cannot be had (after the source's retries), with a reason fit for the harvest log.
    /// </summary>
    Task<FetchResult> FetchAsync(SourceEntry entry, FileValidators? known, CancellationToken cancellationToken);
}

/// <summary>A file a source lists. <paramref name="Path"/> is relative to the source root, <c>/</c>-separated.</summary>
/// <param name="Length">Size when the listing tells.</param>
/// <param name="LastModified">Modification time when the listing tells (UTC).</param>
public sealed record SourceEntry(string Path, long? Length, DateTimeOffset? LastModified)
{
    /// <summary>True when the listing this entry comes from is unchanged since the last harvest (HTTP 304).</summary>
    public bool ListingUnchanged { get; init; }
}

/// <summary>What a walk of a source found.</summary>
public sealed record SourceListing(IReadOnlyList<SourceEntry> Entries, IReadOnlyList<SourceFailure> Failures);

/// <summary>A path (folder or file) a source could not read, and why.</summary>
public sealed record SourceFailure(string Path, string Reason);

/// <summary>HTTP validators of a stored copy.</summary>
public sealed record FileValidators(string? ETag, DateTimeOffset? LastModified, long Length);

/// <summary>A fetched body with its validators, or <see cref="NotModified"/>.</summary>
public sealed record FetchResult(byte[]? Content, string? ETag, DateTimeOffset? LastModified)
{
    public static readonly FetchResult Unchanged = new(null, null, null);

    public bool NotModified => Content is null;
}

/// <summary>Thrown by a source for a file or folder it cannot read; the message is the reason recorded.</summary>
public sealed class SourceException : Exception
{
    public SourceException()
    {
    }

    public SourceException(string message)
        : base(message)
    {
    }

    public SourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
