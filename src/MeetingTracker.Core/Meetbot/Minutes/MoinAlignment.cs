using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Lines up the moin summary with the replay of its own full log, in order, by topic-or-item, text and (when moin
/// printed it) kind. A matched entry takes the replay's nick, time, line and URL (moin often prints neither nick nor
/// time); unmatched entries keep what moin shows. When moin has no "by person" section, the replay's published
/// attribution stands in for it.
/// </summary>
internal static class MoinAlignment
{
    public static List<DraftPerson>? Apply(List<MoinEntry> summary, ParsedMeeting? replayed, MinutesDraft d)
    {
        var replay = replayed is null ? [] : Sequence(replayed);
        var cursor = 0;
        var unmatched = 0;
        var byPerson = new SortedDictionary<string, List<string>>(MeetbotNickOrder.Instance);
        foreach (var (entry, kindPrinted) in summary)
        {
            var text = MinutesText.Collapse(entry.Text);
            // A topic whose title the minutes lost (an empty heading) takes the next topic of the log.
            var j = replay.FindIndex(cursor, r => r.IsTopic == entry.IsTopic
                && (entry.IsTopic || !kindPrinted || r.Kind == entry.Kind)
                && (string.Equals(MinutesText.Collapse(r.Text), text, StringComparison.Ordinal) || (entry.IsTopic && text.Length == 0)));
            if (j < 0)
            {
                unmatched++;
                d.Entries.Add(entry);
                continue;
            }

            var r = replay[j];
            cursor = j + 1;
            d.Entries.Add(entry with
            {
                Text = entry.Text.Length == 0 ? r.Text : entry.Text,
                Vote = r.Vote,
                Kind = entry.IsTopic || kindPrinted ? entry.Kind : r.Kind,
                Nick = r.Nick,
                Time = r.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                Line = r.Line,
                Url = r.Url,
            });
            foreach (var nick in r.Assignees)
            {
                (byPerson.TryGetValue(nick, out var list) ? list : byPerson[nick] = []).Add(entry.Text);
            }
        }

        if (replayed is not null && unmatched > 0)
        {
            d.Warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{unmatched} summary entr{(unmatched == 1 ? "y is" : "ies are")} not in the replay of the full log: kept as the moin file shows them"));
        }

        return replayed is null ? null : [.. byPerson.Select(p => new DraftPerson(p.Key, p.Value))];
    }

    /// <summary>A topic still without a title (no log to take it from) is named so, with a warning: a topic always has one.</summary>
    public static void FillTitles(MinutesDraft d)
    {
        for (var i = 0; i < d.Entries.Count; i++)
        {
            if (d.Entries[i] is { IsTopic: true, Text.Length: 0 } topic)
            {
                d.Entries[i] = topic with { Text = UntitledTopic };
                d.Warnings.Add($"a topic of the summary has no title and the log does not give one: shown as '{UntitledTopic}'");
            }
        }
    }

    public const string UntitledTopic = "(untitled topic)";

    private static List<Replayed> Sequence(ParsedMeeting m) =>
    [
        .. m.Topics.Select(t => new Replayed(true, default, t.Title, t.Nick, t.Time, t.Line, null, [], null))
            .Concat(m.Items.Select(i => new Replayed(false, i.Kind, i.Text, i.Nick, i.Time, i.Line, i.Url, i.Assignees, i.Vote)))
            .OrderBy(x => x.Line ?? int.MaxValue),
    ];

    private sealed record Replayed(bool IsTopic, ItemKind Kind, string Text, string Nick, DateTimeOffset Time, int? Line, string? Url, IReadOnlyList<string> Assignees, VoteRecord? Vote);
}
