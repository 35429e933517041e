using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Components.Pages.Home;

/// <summary>What the home page shows, read in one go.</summary>
public sealed record HomeModel(
    int SourceCount,
    HomeCounts Counts,
    IReadOnlyList<MeetingRow> Meetings,
    IReadOnlyList<RunRow> Runs);

public sealed record HomeCounts(int Meetings, int Teams, int People, int Actions, int Runs);

public sealed record MeetingRow(string TeamName, string MeetingKey, string? Title, DateTimeOffset StartedAt, int Lines, int Actions);

public sealed record RunRow(
    string SourceName,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    HarvestStatus Status,
    string? Error,
    int New,
    int Updated,
    int Unchanged,
    int Failed,
    int FailedFileCount,
    IReadOnlyList<FailedFile> FailedFiles)
{
    public string MeetingsLine => $"meetings: {New} new, {Updated} updated, {Unchanged} unchanged, {Failed} failed";

    public TimeSpan? Duration => EndedAt - StartedAt;
}

public sealed record FailedFile(string Path, string Reason);
