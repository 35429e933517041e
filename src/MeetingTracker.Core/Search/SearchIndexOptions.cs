namespace MeetingTracker.Core.Search;

/// <summary>How the index is written (section <c>MeetingTracker:Search</c>).</summary>
public sealed class SearchIndexOptions
{
    public const string Section = "MeetingTracker:Search";

    /// <summary>The writer's buffer when nothing else is configured: large, for imports and rebuilds (ADR 8).</summary>
    public const double DefaultWriteBufferMB = 64;

    /// <summary>
    /// Memory the index writer fills with new documents before it writes them out as a segment (Lucene's
    /// <c>RAMBufferSizeMB</c>). More is a faster bulk import (fewer segments to merge); less bounds what a harvest adds
    /// to the process. The web host sets its own default (ADR 17).
    /// </summary>
    public double WriteBufferMB { get; set; } = DefaultWriteBufferMB;

    /// <summary>
    /// How often the web host looks for meetings written above its index's mark (ADR 19): by this node, another node or
    /// the command line. One indexed MAX when nothing changed; at most 2 s keeps another node's writes searchable here
    /// within 5 s.
    /// </summary>
    public double CatchUpSeconds { get; set; } = 2;

    /// <summary>
    /// Whether the index's files are read through memory maps (Lucene's <c>MMapDirectory</c>, the fastest reads) or
    /// with positioned reads (<c>NIOFSDirectory</c>): mapped pages count in the process's resident set, and a merge at a
    /// harvest's commit reads whole segments through them. The web host sets its own default (ADR 17).
    /// </summary>
    public bool MapFiles { get; set; } = true;

    /// <summary>Why the options cannot be used, or null.</summary>
    public string? Problem() => WriteBufferMB is < 1 or > 1024 ? $"{Section}:WriteBufferMB must be between 1 and 1024 (is {WriteBufferMB})"
        : CatchUpSeconds is < 0.1 or > 3600 ? $"{Section}:CatchUpSeconds must be between 0.1 and 3600 (is {CatchUpSeconds})"
        : null;
}
