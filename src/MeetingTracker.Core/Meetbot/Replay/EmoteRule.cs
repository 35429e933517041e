namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// MeetBot's <c>addrawline</c> logs any message whose text starts with the literal <c>ACTION</c> as a <c>/me</c>
/// line, dropping the first seven characters (<c>line[:6] == 'ACTION'</c>, then <c>line[7:]</c>). A log from
/// elsewhere may still hold <c>&lt;nick&gt; ACTION …</c>; it is stored and counted as MeetBot would have: one emote line.
/// </summary>
internal static class EmoteRule
{
    public static IReadOnlyList<LogLine> Apply(IReadOnlyList<LogLine> lines)
    {
        LogLine[]? copy = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsEmote || !line.Text.StartsWith("ACTION", StringComparison.Ordinal))
            {
                continue;
            }

            copy ??= [.. lines];
            copy[i] = line with { IsEmote = true, Text = line.Text.Length > 7 ? line.Text[7..].Trim() : string.Empty };
        }

        return copy ?? lines;
    }
}
