using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Accountability;

/// <summary>An item that may record completion: its kind, text and the title of the topic it was said under.</summary>
/// <param name="FollowUpTopic">The title of its topic when that is one where the team follows up its actions (<see cref="FollowUpTopics"/>); else null.</param>
public sealed record NoteCandidate(int ItemId, int MeetingId, int Number, ItemKind Kind, DateTimeOffset Time, string Text, string? FollowUpTopic)
{
    public ItemRef Ref => new(ItemId, MeetingId, Number, Time);
}

/// <summary>
/// Done notes in the minutes close the open chain they name (ADR 9, "Done from the logs"). A note is
/// <c>#done text</c>; an <c>#info</c>, <c>#action</c> or <c>#agreed</c> whose text starts with <c>done:</c> (any case)
/// or the word <c>DONE</c>, or ends with the word <c>DONE</c> or <c>(done)</c>; or one of those kinds under a topic where
/// the team follows up its actions (<see cref="FollowUpTopics"/>) that has the word "done" anywhere. The note's action text is its text without
/// the marker. It closes the chain of the same team first raised before the note whose normalised text is the same
/// (<see cref="ActionText.Normalize"/>), the latest such; failing that, the one chain raised before it, not closed yet,
/// sharing the most significant words with it, at least <see cref="MinSharedWords"/>, with no tie.
/// </summary>
public static class DoneNotes
{
    public const int MinSharedWords = 2;

    public static readonly IReadOnlySet<ItemKind> NoteKinds = new HashSet<ItemKind> { ItemKind.Done, ItemKind.Info, ItemKind.Action, ItemKind.Agreed };

    /// <summary>The action a note says is done (its text without the marker), or null when the item is not a done note.</summary>
    public static string? ActionOf(NoteCandidate item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!NoteKinds.Contains(item.Kind)) return null;
        var text = item.Text.Trim();
        if (item.Kind == ItemKind.Done) return Strip(text) ?? text;
        return Strip(text) ?? (item.FollowUpTopic is not null && Words(text).Any(IsDone) ? RemoveDoneWords(text) : null);
    }

    /// <summary>Sets <see cref="ActionChain.DoneInLogs"/> on the chains a note closes; returns the closing notes' item ids.</summary>
    public static HashSet<int> Close(List<ActionChain> chains, IEnumerable<NoteCandidate> items, IReadOnlyDictionary<int, int> teamOf)
    {
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(teamOf);
        var closing = new HashSet<int>();
        var notes = items.Where(i => teamOf.ContainsKey(i.MeetingId))
            .Select(i => (Item: i, Action: ActionOf(i)))
            .Where(n => n.Action is { Length: > 0 })
            .OrderBy(n => n.Item.Time).ThenBy(n => n.Item.ItemId)
            .ToList();
        if (notes.Count == 0) return closing;

        var byTeam = Enumerable.Range(0, chains.Count).ToLookup(k => chains[k].TeamId);
        var byText = Enumerable.Range(0, chains.Count).ToLookup(k => (chains[k].TeamId, ActionText.Normalize(chains[k].Text)));
        var words = new Dictionary<int, HashSet<string>>();
        foreach (var (note, action) in notes)
        {
            var teamId = teamOf[note.MeetingId];
            bool Open(int k) => chains[k].DoneInLogs is null && chains[k].First.Time < note.Time && chains[k].First.ItemId != note.ItemId;
            var match = byText[(teamId, ActionText.Normalize(action!))].Where(Open)
                .OrderByDescending(k => chains[k].First.Time).Select(k => (int?)k).FirstOrDefault()
                ?? ByWords(chains, byTeam[teamId].Where(Open), SignificantWords.Of(action!), words);
            if (match is not { } m) continue;
            chains[m] = chains[m] with { DoneInLogs = note.Ref };
            closing.Add(note.ItemId);
        }

        return closing;
    }

    private static int? ByWords(List<ActionChain> chains, IEnumerable<int> team, HashSet<string> noteWords, Dictionary<int, HashSet<string>> cache)
    {
        int? best = null;
        int bestShared = MinSharedWords - 1, ties = 0;
        foreach (var k in team)
        {
            if (!cache.TryGetValue(k, out var w)) cache[k] = w = SignificantWords.Of(chains[k].Text);
            var shared = SignificantWords.Shared(noteWords, w);
            if (shared > bestShared) (best, bestShared, ties) = (k, shared, 0);
            else if (shared == bestShared && best is not null) ties++;
        }

        return ties == 0 ? best : null;
    }

    // A leading "done:" (any case) or "DONE", a trailing "DONE" or "(done)".
    private static string? Strip(string text)
    {
        if (text.StartsWith("done:", StringComparison.OrdinalIgnoreCase)) return text[5..].Trim();
        if (text.StartsWith("DONE", StringComparison.Ordinal) && (text.Length == 4 || !char.IsLetterOrDigit(text[4]))) return text[4..].TrimStart(' ', ':', '-', ',').Trim();
        if (text.EndsWith("(done)", StringComparison.OrdinalIgnoreCase)) return text[..^6].Trim();
        if (text.EndsWith("DONE", StringComparison.Ordinal) && (text.Length == 4 || !char.IsLetterOrDigit(text[^5]))) return text[..^4].TrimEnd(' ', ':', '-', ',').Trim();
        return null;
    }

    private static bool IsDone(string word) => string.Equals(word, "done", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(':', ',', '.', '(', ')', '!', '-'));

    private static string RemoveDoneWords(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !IsDone(w.Trim(':', ',', '.', '(', ')', '!', '-'))));
}
