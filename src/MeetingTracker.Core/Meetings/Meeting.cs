using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// One meeting as read from its files. Its identity (<see cref="SourceId"/>, <see cref="Folder"/>, <see cref="MeetingKey"/>)
/// never changes, so its <see cref="Id"/> survives every re-read.
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }

    public int SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>The folder of its files, relative to the source root, with <c>/</c> separators.</summary>
    public required string Folder { get; set; }

    /// <summary><c>name.YYYY-MM-DD-HH.MM</c>, shared by the meeting's files.</summary>
    public required string MeetingKey { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public string? Channel { get; set; }

    public string? Title { get; set; }

    public string? MeetingName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? StartedBy { get; set; }

    /// <summary>Chairs, space-separated as MeetBot lists them.</summary>
    public string Chairs { get; set; } = string.Empty;

    /// <summary>The contract name of the dialect (<c>meetbot-0.1.4</c>, <c>openstack</c>, ...).</summary>
    public required string Dialect { get; set; }

    /// <summary>The file kind the meeting was read from (the raw log when present).</summary>
    public required string ReadFrom { get; set; }

    public bool IsComplete { get; set; }

    public int LineCount { get; set; }

    /// <summary>Reader warnings, one per line.</summary>
    public string Warnings { get; set; } = string.Empty;

    /// <summary>The parser version that last read it; a higher version re-reads it.</summary>
    public int ParserVersion { get; set; }

    public DateTimeOffset ReadAt { get; set; }

    /// <summary>
    /// The rules its project mentions were found under (<see cref="Projects.TeamReferences"/>); null when they were not
    /// found yet. Every read sets it again.
    /// </summary>
    public string? ReferencesStamp { get; set; }

    /// <summary>
    /// The change number of the last write of this meeting (<see cref="Storage.ChangeNumbers"/>, ADR 19): every write
    /// (a new read, a re-read, an alias move, a bot's person removed from its rows) takes a higher one at its end. Each
    /// node's search index remembers up to which number it has indexed.
    /// </summary>
    public long Change { get; set; }

    public List<Topic> Topics { get; } = [];

    public List<LogLineRow> Lines { get; } = [];

    public List<Item> Items { get; } = [];

    public List<Attendance> Attendance { get; } = [];
}
