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

    /// <summary>For <see cref="ItemKind.Vote"/>: the question, outcome, counts and voters, as far as the file tells them.</summary>
    public VoteRecord? Vote { get; init; }
}

/// <summary>
/// A vote as the minutes or the log record it. <see cref="Outcome"/> is what the bot announced (the summary's
/// "(Carried)"/"(Denied)", the log's "Motion carried"), else what the counts say. <see cref="ResultsStatement"/> is the
/// vote results section's own sentence ("Motion carried", "Deadlock") when the minutes print one: meetingology's writer
/// computed it with a bug, so it can contradict the outcome and the counts (the counts are the record).
/// </summary>
/// <param name="Outcome"><see cref="VoteOutcomes"/>: carried, denied or deadlock; null when nothing tells.</param>
public sealed record VoteRecord(string Question, string? Outcome, int? For, int? Against, int? Abstained, IReadOnlyList<string> Voters)
{
    public string? ResultsStatement { get; init; }
}

/// <summary>The outcome words of <see cref="VoteRecord.Outcome"/> (the parse contract's values).</summary>
public static class VoteOutcomes
{
    public const string Carried = "carried";
    public const string Denied = "denied";
    public const string Deadlock = "deadlock";
}

/// <summary>One entry of "People present (lines said)".</summary>
public sealed record Attendee(string Nick, int Lines);
