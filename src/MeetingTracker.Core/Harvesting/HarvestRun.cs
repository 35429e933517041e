namespace MeetingTracker.Core.Harvesting;

/// <summary>One harvest of one source, with what it found and did.</summary>
public sealed class HarvestRun
{
    public int Id { get; set; }

    public int SourceId { get; set; }

    public Source? Source { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public HarvestStatus Status { get; set; }

    /// <summary>What stopped the run, when it failed.</summary>
    public string? Error { get; set; }

    public int MeetingsNew { get; set; }

    public int MeetingsUpdated { get; set; }

    public int MeetingsUnchanged { get; set; }

    public int MeetingsFailed { get; set; }

    /// <summary>Bodies transferred: files and, over HTTP, listing pages (a folder source counts files read from disk).</summary>
    public int FilesFetched { get; set; }

    public long BytesFetched { get; set; }

    /// <summary>HTTP requests answered 304 Not Modified.</summary>
    public int NotModified { get; set; }

    public List<HarvestFileOutcome> Outcomes { get; } = [];
}

public enum HarvestStatus
{
    Running,
    Succeeded,
    Failed,
    /// <summary>
    /// The process stopped while the run was going: asked to (SIGTERM, Ctrl-C: the run says so as it ends), or killed
    /// (found by the next run). The meetings it wrote are whole; the next run finishes the work.
    /// </summary>
    Interrupted,

    /// <summary>Older runs cancelled before stops were called interruptions.</summary>
    Cancelled,
}

/// <summary>A file a run could not use, and why.</summary>
public sealed class HarvestFileOutcome
{
    public int Id { get; set; }

    public int RunId { get; set; }

    public required string Path { get; set; }

    public required string Reason { get; set; }
}
