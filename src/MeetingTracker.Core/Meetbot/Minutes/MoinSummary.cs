namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>A moin summary entry, with whether its kind was printed (<c>''ACTION:''</c>) or only guessed.</summary>
internal sealed record MoinEntry(DraftEntry Entry, bool KindPrinted);

/// <summary>
/// Reads the "Meeting summary" of a <c>.moin.txt</c>. Topics: a line starting with one space and <c>*</c> (2011-2013:
/// <c> *title</c>, <c> * *title</c>), or <c>=== title ===</c> followed by its metadata, never an item: "The discussion
/// about "title" started at HH:MM." (2013-2020) or "Discussion started by nick at HH:MM." (2021 on). Items:
/// <c>''TYPE:'' text</c> in any case (<c>''Vote:''</c>, <c>''VOTE:''</c>), optionally after <c>*</c> bullets, with or without
/// a <c>(nick, time)</c> trailer; a bold <c>'''text''' (HH:MM)</c> is a SUBTOPIC; vote results scaffolding that stands
/// in the summary goes to <see cref="MoinVotes"/>; anything else is an INFO.
/// </summary>
internal static class MoinSummary
{
    private const string DiscussionAbout = "The discussion about \"";
    private const string DiscussionStartedBy = "Discussion started by ";
    private const string Bold = "'''";

    public static List<MoinEntry> Read(List<string> lines, bool oldLayout, MoinVotes votes, out string? endTime)
    {
        var entries = new List<MoinEntry>();
        endTime = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            var afterTopic = entries.Count > 0 && entries[^1].Entry.IsTopic;
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (MinutesText.EndedPattern().Match(trimmed) is { Success: true, Index: 0 } ended)
            {
                endTime = ended.Groups["time"].Value;
            }
            else if (trimmed.Length >= 6 && trimmed.StartsWith("===", StringComparison.Ordinal) && trimmed.EndsWith("===", StringComparison.Ordinal))
            {
                entries.Add(new MoinEntry(new DraftEntry(true, default, trimmed[3..^3].Trim(), null, null, null), true));
            }
            else if (afterTopic && trimmed.StartsWith(DiscussionAbout, StringComparison.Ordinal))
            {
                SetTopicTime(entries, trimmed);
            }
            else if (afterTopic && trimmed.StartsWith(DiscussionStartedBy, StringComparison.Ordinal))
            {
                SetTopicStarter(entries, trimmed);
            }
            else if (IsVoteScaffolding(trimmed, votes))
            {
                continue;
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

        if (content.StartsWith(Bold, StringComparison.Ordinal))
        {
            // " * '''text''' (HH:MM)": a subtopic, whose trailer is the time alone.
            var end = content.LastIndexOf(Bold, StringComparison.Ordinal);
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
            if (close > 2 && ItemKinds.TryParse(content[2..close].ToUpperInvariant(), out var kind))
            {
                var text = content[(close + 3)..].Trim();
                return new MoinEntry(new DraftEntry(false, kind, text, nick, time, null), true);
            }
        }

        return new MoinEntry(new DraftEntry(false, ItemKind.Info, content, nick, time, null), false);
    }

    // "The discussion about "title" started at 18:06.": the time, and the title when the heading lost it.
    private static void SetTopicTime(List<MoinEntry> entries, string line)
    {
        var at = line.LastIndexOf("\" started at ", StringComparison.Ordinal);
        if (at < DiscussionAbout.Length)
        {
            return;
        }

        var topic = entries[^1].Entry;
        var time = line[(at + 13)..].TrimEnd('.', ' ');
        var title = topic.Text.Length == 0 ? line[DiscussionAbout.Length..at].Trim() : topic.Text;
        entries[^1] = entries[^1] with { Entry = topic with { Text = title, Time = DayClock.TryParseTime(time, out _) ? time : topic.Time } };
    }

    // "Discussion started by nick at 20:06."
    private static void SetTopicStarter(List<MoinEntry> entries, string line)
    {
        var rest = line[DiscussionStartedBy.Length..].TrimEnd('.', ' ');
        var at = rest.LastIndexOf(" at ", StringComparison.Ordinal);
        if (at <= 0 || !DayClock.TryParseTime(rest.AsSpan(at + 4), out _))
        {
            return;
        }

        entries[^1] = entries[^1] with { Entry = entries[^1].Entry with { Nick = rest[..at].Trim(), Time = rest[(at + 4)..] } };
    }

    // A results line in the summary, or a spelled-out run of statements joined back ("  * Motion … (…)  * Deadlock (…)").
    private static bool IsVoteScaffolding(string trimmed, MoinVotes votes)
    {
        var parts = trimmed.Split("  * ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.TrimStart('*', ' ')).Where(p => p.Length > 0).ToList();
        return parts.Count > 0 && parts.TrueForAll(p => votes.TryAdd(p, bareQuestion: false, strict: true));
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;
}
