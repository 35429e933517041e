namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>PLACEHOLDER: replays log lines under MeetBot's rules for the detected dialect (work in progress).</summary>
public static class LogReplay
{
    public static ParsedMeeting Replay(IReadOnlyList<LogLine> lines, ReplayContext context)
        => throw new MeetbotFormatException("replay not implemented yet");
}
