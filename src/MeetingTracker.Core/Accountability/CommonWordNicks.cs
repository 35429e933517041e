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
        var counting = new Counter(nicks, attended);
        foreach (var (meetingId, text) in items)
        {
            counting.Add(meetingId, text);
        }

        return counting.CommonWords();
    }

    /// <summary>
    /// The same count, told one item at a time: a caller streaming every item's text from the database keeps none of
    /// them (ADR 17: holding all of them at once was the largest transient after a harvest).
    /// </summary>
    public sealed class Counter
    {
        private readonly NickIndex nicks;
        private readonly Func<int, int, bool> attended;
        private readonly HashSet<(string Word, int MeetingId)> seen = [];
        private readonly Dictionary<string, (int Attended, int Missed)> counts = new(StringComparer.Ordinal);

        /// <param name="attended">Whether the person attended the meeting.</param>
        public Counter(NickIndex nicks, Func<int, int, bool> attended)
        {
            ArgumentNullException.ThrowIfNull(nicks);
            ArgumentNullException.ThrowIfNull(attended);
            this.nicks = nicks;
            this.attended = attended;
        }

        public void Add(int meetingId, string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            foreach (var word in ActionOwners.Words(text))
            {
                if (nicks.Find(text.AsSpan(word.Start, word.Length)) is not { } person) continue;
                var written = text.Substring(word.Start, word.Length).ToLowerInvariant();
                if (!seen.Add((written, meetingId))) continue;
                var (present, missed) = counts.GetValueOrDefault(written);
                counts[written] = attended(person, meetingId) ? (present + 1, missed) : (present, missed + 1);
            }
        }

        public HashSet<string> CommonWords() =>
            [.. counts.Where(c => c.Value.Missed >= MinMissedMeetings && c.Value.Missed > c.Value.Attended).Select(c => c.Key)];
    }
}
