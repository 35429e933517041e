using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>
/// Reads a <c>.log.html</c> and replays it. MeetBot's HTMLlog2 writes each log line as
/// <c>&lt;a name="l-N"&gt;</c> followed by spans whose text, once tags are stripped and entities decoded, is exactly
/// the <c>.log.txt</c> line (time, <c>" &lt;nick&gt;"</c> or <c>"* nick"</c>, one space, the message). So lines are
/// rebuilt as text and read with the same line rules as <c>.log.txt</c>, and both files give the same replay.
/// </summary>
public static class LogHtmlReader
{
    public static ParsedMeeting Read(ReadOnlySpan<byte> bytes, MeetingFileName? name)
    {
        var html = IrcText.Decode(bytes, out var fellBack);
        var warnings = new List<string>();
        if (fellBack)
        {
            warnings.Add("some lines are not valid UTF-8 and were decoded as Windows-1252");
        }

        var log = Extract(html, name, warnings);
        if (log.Lines.Count == 0)
        {
            throw new MeetbotFormatException(log.Anchors == 0
                ? "no log lines: the page has no l-N line anchors (not a MeetBot .log.html)"
                : "no log lines: none of the anchored lines reads as 'time <nick> text'");
        }

        var context = new ReplayContext(MeetbotFormat.LogHtml, name, log.Hint) { Channel = log.Channel, Warnings = warnings };
        return LogReplay.Replay(log.Lines, context);
    }

    /// <summary>
    /// The log lines of a <c>.log.html</c> (numbered by their anchors), the channel from its title, and the dialect its
    /// markup shows: timestamp anchors (<c>&lt;a href="#l-N" name="l-N"&gt;</c>) are OpenStack's (2016 on) or
    /// meetingology's, which keeps the plain anchor for <c>/me</c> lines; Matrix rows are the Matrix bot's.
    /// </summary>
    internal static LogHtmlContent Extract(string html, MeetingFileName? name, List<string> warnings)
    {
        var walker = new LogHtmlWalker(name?.Date ?? MeetingFileName.UnknownDate, warnings);
        walker.Walk(html);
        if (name is null)
        {
            warnings.Add(MeetingFileName.NoDateWarning);
        }

        return walker.Result();
    }
}

/// <summary>What <see cref="LogHtmlReader.Extract"/> finds in a page.</summary>
internal sealed record LogHtmlContent(List<LogLine> Lines, string? Channel, MeetbotDialect Hint, int Anchors);
