namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Which nicks are also common words, by the site's own minutes (ADR 9): a word, as written (lower case), that names a
/// known person is a common word when the minutes' items (every kind) use it in more meetings that person did not
/// attend than in meetings they attended, and in at least <see cref="MinMissedMeetings"/> meetings they did not attend.
/// A person <c>will</c> who came twice while "will" appears in thousands of meetings: a common word. <c>zhangwei</c>,
/// named in the 40 meetings they attended and 2 they missed: a name. No word list: it follows from the data.
/// </summary>
public static class CommonWordNicks
{
    public const int MinMissedMeetings = 3;

    /// <param name="items">Every item's meeting and text.</param>
    /// <param name="attended">Whether the person attended the meeting.</param>
    public static HashSet<string> Compute(IEnumerable<(int MeetingId, string Text)> items, NickIndex nicks, Func<int, int, bool> attended)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nicks);
        ArgumentNullException.ThrowIfNull(attended);
        var seen = new HashSet<(string Word, int MeetingId)>();
        var counts = new Dictionary<string, (int Attended, int Missed)>(StringComparer.Ordinal);
        foreach (var (meetingId, text) in items)
        {
            foreach (var word in ActionOwners.Words(text))
            {
                if (nicks.Find(text.AsSpan(word.Start, word.Length)) is not { } person) continue;
                var written = text.Substring(word.Start, word.Length).ToLowerInvariant();
                if (!seen.Add((written, meetingId))) continue;
                var (present, missed) = counts.GetValueOrDefault(written);
                counts[written] = attended(person, meetingId) ? (present + 1, missed) : (present, missed + 1);
            }
        }

        return [.. counts.Where(c => c.Value.Missed >= MinMissedMeetings && c.Value.Missed > c.Value.Attended).Select(c => c.Key)];
    }
}
