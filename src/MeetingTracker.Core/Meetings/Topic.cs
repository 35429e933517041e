namespace MeetingTracker.Core.Meetings;

/// <summary>A <c>#topic</c> of a meeting, in meeting order.</summary>
public sealed class Topic
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    /// <summary>0-based position in the meeting.</summary>
    public int Ordinal { get; set; }

    public required string Title { get; set; }

    public required string Nick { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>The log line (<c>l-N</c>), when the source file tells.</summary>
    public int? Line { get; set; }
}
