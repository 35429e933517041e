namespace MeetingTracker.Core.Meetbot;

/// <summary>A <c>#topic</c> as the minutes show it.</summary>
/// <param name="Line">The log line (<c>l-N</c>) it came from, when the file tells.</param>
public sealed record Topic(string Title, string Nick, DateTimeOffset Time, int? Line);

/// <summary>
/// A minutes item. <see cref="Assignees"/> is the attribution the dialect's MeetBot published (only for actions);
/// <see cref="Owners"/> is the project's own attribution (case-insensitive whole word over attendees, alias-aware),
/// used by accountability features.
/// </summary>
/// <param name="TopicIndex">Index into <see cref="ParsedMeeting.Topics"/>, null before the first topic.</param>
public sealed record MinutesItem(
    ItemKind Kind,
    string Text,
    string Nick,
    DateTimeOffset Time,
    int? Line,
    int? TopicIndex,
    IReadOnlyList<string> Assignees,
    IReadOnlyList<string> Owners)
{
    /// <summary>For <see cref="ItemKind.Link"/>: the URL MeetBot linked (0.1.4: the first token).</summary>
    public string? Url { get; init; }
}

/// <summary>One entry of "People present (lines said)".</summary>
public sealed record Attendee(string Nick, int Lines);
