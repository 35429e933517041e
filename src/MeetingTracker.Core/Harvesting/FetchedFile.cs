namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// A file as last fetched from a source, kept whole (compressed) so a newer parser can re-read it without
/// downloading again. Files removed from the server are kept.
/// </summary>
public sealed class FetchedFile
{
    public int Id { get; set; }

    public int SourceId { get; set; }

    /// <summary>Path relative to the source root, <c>/</c>-separated.</summary>
    public required string Path { get; set; }

    public long Length { get; set; }

    public DateTimeOffset? LastModified { get; set; }

    public string? ETag { get; set; }

    /// <summary>SHA-256 of the raw bytes, hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The raw bytes, Brotli-compressed (<see cref="FileContent"/>).</summary>
    public required byte[] Content { get; set; }

    public DateTimeOffset FetchedAt { get; set; }

    /// <summary>The meeting this file belongs to, once read.</summary>
    public int? MeetingId { get; set; }

    public Meetings.Meeting? Meeting { get; set; }

    /// <summary>The parser version that last read this file's meeting; 0 before the first read.</summary>
    public int ParserVersion { get; set; }

    /// <summary>Why the meeting's source of truth could not be read at the last read; null when it was read.</summary>
    public string? Error { get; set; }
}
