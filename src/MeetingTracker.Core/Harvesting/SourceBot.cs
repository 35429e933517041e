namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// A nick that behaved as the meeting bot in one of a source's logs (it answered <c>#startmeeting</c> with "Meeting
/// started"). Harvested data, said by nobody: the harvester remembers it so that the source's minutes-only meetings,
/// which cannot show who the bot is, leave it out of people too (ADR 12).
/// </summary>
public sealed class SourceBot
{
    public int SourceId { get; set; }

    /// <summary>The nick as the log spelled it; compared case-insensitively.</summary>
    public required string Nick { get; set; }
}
