namespace MeetingTracker.Core.Harvesting;

/// <summary>What one harvest did, as the CLI prints it: <c>meetings: N new, N updated, N unchanged, N failed</c>.</summary>
public sealed record HarvestSummary(int RunId, HarvestStatus Status, int New, int Updated, int Unchanged, int Failed, int FilesFetched, long BytesFetched, int NotModified, int Requests)
{
    /// <summary>Folders the source could not list (their meetings went unseen this run; the reasons are in the run's outcomes).</summary>
    public int FoldersFailed { get; init; }

    /// <summary>Why the run failed, when it did.</summary>
    public string? Error { get; init; }

    public string MeetingsLine => $"meetings: {New} new, {Updated} updated, {Unchanged} unchanged, {Failed} failed";
}

/// <summary>Progress of a harvest: meetings handled out of those found.</summary>
public sealed record HarvestProgress(string Stage, int Done, int Total);
