namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>PLACEHOLDER: to be replaced by the real reader (work in progress, not done).</summary>
public static class MinutesHtmlReader
{
    public static ParsedMeeting Read(ReadOnlySpan<byte> bytes, MeetingFileName? name)
        => throw new MeetbotFormatException("reader not implemented yet");
}
