namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>A moin summary entry, with whether its kind was printed (<c>''ACTION:''</c>) or only guessed.</summary>
internal sealed record MoinEntry(DraftEntry Entry, bool KindPrinted);

/// <summary>
/// Reads the "Meeting summary" of a <c>.moin.txt</c>. Topics: <c>=== title ===</c> plus "The discussion about
/// "title" started at HH:MM." (later layout), or a line starting with one space and <c>*</c> (early layout:
/// <c> *title</c>, <c> * *title</c>). Items: <c>''TYPE:'' text</c>, optionally after <c>*</c> bullets, with or without a
/// <c>(nick, time)</c> trailer; <c>'''text''' (HH:MM)</c> is a SUBTOPIC; anything else is an INFO.
/// </summary>
internal static class MoinSummary
{
    private const string DiscussionStart = "The discussion about \"";

    public static List<MoinEntry> Read(List<string> lines, bool oldLayout, out string? endTime)
    {
        var entries = new List<MoinEntry>();
        endTime = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (MinutesText.EndedPattern().Match(trimmed) is { Success: true, Index: 0 } ended)
            {
                endTime = ended.Groups["time"].Value;
            }
            else if (trimmed.StartsWith("=== ", StringComparison.Ordinal) && trimmed.EndsWith(" ===", StringComparison.Ordinal) && trimmed.Length > 8)
            {
                entries.Add(new MoinEntry(new DraftEntry(true, default, trimmed[4..^4].Trim(), null, null, null), true));
            }
            else if (trimmed.StartsWith(DiscussionStart, StringComparison.Ordinal))
            {
                SetTopicTime(entries, trimmed);
            }
            else if (oldLayout && line.Length > 1 && line[0] == ' ' && line[1] == '*')
            {
                var title = trimmed.TrimStart('*', ' ');
                MinutesText.TrySplitTrailer(title, out var body, out var nick, out var time);
                entries.Add(new MoinEntry(new DraftEntry(true, default, body, Null(nick), Null(time), null), true));
            }
            else
            {
                entries.Add(Item(trimmed.TrimStart('*', ' ')));
            }
        }

        return entries;
    }

    private static MoinEntry Item(string content)
    {
        string? nick = null, time = null;
        if (MinutesText.TrySplitTrailer(content, out var body, out var n, out var t))
        {
            (content, nick, time) = (body, n, t);
        }

        if (content.StartsWith("'''", StringComparison.Ordinal))
        {
            // " * '''text''' (HH:MM)": a subtopic, whose trailer is the time alone.
            var end = content.LastIndexOf("'''", StringComparison.Ordinal);
            var rest = end > 3 ? content[(end + 3)..].Trim() : string.Empty;
            if (rest.Length > 2 && rest[0] == '(' && rest[^1] == ')' && DayClock.TryParseTime(rest.AsSpan(1, rest.Length - 2), out _))
            {
                time = rest[1..^1];
            }

            var text = end > 3 ? content[3..end] : content[3..];
            return new MoinEntry(new DraftEntry(false, ItemKind.Subtopic, text.Trim(), nick, time, null), true);
        }

        if (content.StartsWith("''", StringComparison.Ordinal))
        {
            var close = content.IndexOf(":''", 2, StringComparison.Ordinal);
            if (close > 2 && ItemKinds.TryParse(content.AsSpan(2, close - 2), out var kind))
            {
                var text = content[(close + 3)..].Trim();
                return new MoinEntry(new DraftEntry(false, kind, text, nick, time, null), true);
            }
        }

        return new MoinEntry(new DraftEntry(false, ItemKind.Info, content, nick, time, null), false);
    }

    // "The discussion about "title" started at 18:06."
    private static void SetTopicTime(List<MoinEntry> entries, string line)
    {
        var at = line.LastIndexOf(" started at ", StringComparison.Ordinal);
        if (at < 0 || entries.Count == 0 || !entries[^1].Entry.IsTopic)
        {
            return;
        }

        var time = line[(at + 12)..].TrimEnd('.', ' ');
        if (DayClock.TryParseTime(time, out _))
        {
            entries[^1] = entries[^1] with { Entry = entries[^1].Entry with { Time = time } };
        }
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;
}
