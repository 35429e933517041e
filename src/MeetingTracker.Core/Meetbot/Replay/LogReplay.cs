namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Replays log lines under MeetBot's rules for the detected dialect and returns what its minutes would show.
/// Works for lines from any source (.log.txt, .log.html, moin's embedded log). Only lines from <c>#startmeeting</c>
/// to <c>#endmeeting</c> count; a log without <c>#startmeeting</c> is read whole, as MeetBot's own replay does.
/// </summary>
public static class LogReplay
{
    public static ParsedMeeting Replay(IReadOnlyList<LogLine> lines, ReplayContext context)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(context);
        if (lines.Count == 0)
        {
            throw new MeetbotFormatException("no meetbot log lines found");
        }

        var info = DialectDetector.Detect(lines, context.DialectHint);
        if (info.Dialect != MeetbotDialect.Matrix)
        {
            lines = EmoteRule.Apply(lines);
        }

        var m = new MeetingState(info);
        var start = FindStart(lines, info.Dialect, out var argument);
        if (start >= 0)
        {
            m.Start(lines[start], argument);
        }
        else
        {
            m.StartImplicitly(lines[0]);
            start = 0;
        }

        var afterEnd = 0;
        var laterStarts = 0;
        for (var i = start + 1; i < lines.Count; i++)
        {
            if (m.IsOver)
            {
                afterEnd++;
                laterStarts += CommandParser.IsStart(lines[i].Text, info.Dialect, out _) ? 1 : 0;
                continue;
            }

            m.Add(lines[i]);
        }

        var warnings = new List<string>(context.Warnings);
        ReplayWarnings.Add(warnings, m, before: start, afterEnd, laterStarts);
        return MinutesBuilder.Build(m, lines, context, warnings);
    }

    private static int FindStart(IReadOnlyList<LogLine> lines, MeetbotDialect dialect, out string argument)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsEmote && CommandParser.IsStart(lines[i].Text, dialect, out argument))
            {
                return i;
            }
        }

        argument = string.Empty;
        return -1;
    }
}
