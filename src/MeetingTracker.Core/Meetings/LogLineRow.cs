namespace MeetingTracker.Core.Meetings;

/// <summary>One message of a meeting's log; (<see cref="MeetingId"/>, <see cref="Number"/>) is its key and its <c>l-N</c> anchor.</summary>
public sealed class LogLineRow
{
    public int MeetingId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string Nick { get; set; }

    public int? PersonId { get; set; }

    /// <summary>The message with IRC control codes removed.</summary>
    public required string Text { get; set; }

    public bool IsEmote { get; set; }
}
