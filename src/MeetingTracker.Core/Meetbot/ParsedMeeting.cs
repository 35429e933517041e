namespace MeetingTracker.Core.Meetbot;

/// <summary>
/// What one meetbot file says about its meeting. Readers of every format fill what their format carries
/// (minutes carry no log lines; text minutes carry no line numbers) and leave the rest empty or null.
/// </summary>
public sealed record ParsedMeeting
{
    public required MeetbotFormat Format { get; init; }

    public MeetbotDialect Dialect { get; init; } = MeetbotDialect.Unknown;

    /// <summary>Identity from the file name, when it has one.</summary>
    public MeetingFileName? FileName { get; init; }

    public string? MeetingKey => FileName?.MeetingKey;

    /// <summary>IRC channel with its leading <c>#</c> (or the Matrix room), when known.</summary>
    public string? Channel { get; init; }

    /// <summary>The <c>#meetingtopic</c>, else the <c>#startmeeting</c> text.</summary>
    public string? Title { get; init; }

    /// <summary>The last <c>#meetingname</c> (or OpenStack/Fedora <c>#startmeeting</c> name), when set.</summary>
    public string? MeetingName { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? StartedBy { get; init; }

    /// <summary>Chairs at the end of the meeting, owner included, sorted as MeetBot prints them.</summary>
    public IReadOnlyList<string> Chairs { get; init; } = [];

    /// <summary>Number of log lines (only for log formats).</summary>
    public int? LineCount { get; init; }

    /// <summary>The log, for log formats (and moin, which embeds it); empty for minutes.</summary>
    public IReadOnlyList<LogLine> Lines { get; init; } = [];

    public IReadOnlyList<Topic> Topics { get; init; } = [];

    public IReadOnlyList<MinutesItem> Items { get; init; } = [];

    /// <summary>People present with lines said, as MeetBot counts them (bot included, #chair/#nick targets with 0).</summary>
    public IReadOnlyList<Attendee> People { get; init; } = [];

    /// <summary>
    /// Nicks that behave as the meeting bot in this file (the one that answers <c>#startmeeting</c> with "Meeting
    /// started", and any bot the source configures). They stay in <see cref="People"/> (MeetBot counts its own lines)
    /// but are never people, attendees or owners.
    /// </summary>
    public IReadOnlyList<string> Bots { get; init; } = [];

    /// <summary>True when the meeting was ended (<c>#endmeeting</c> seen, or minutes show an end).</summary>
    public bool IsComplete { get; init; }

    /// <summary>Things a reader had to guess or repair; never fatal.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
