namespace MeetingTracker.Core.Accountability;

/// <summary>
/// The words that say what a minutes item is about: runs of letters or digits, lower case, at least four characters
/// long, without common English words and meeting filler (<c>with</c>, <c>should</c>, <c>next</c>, <c>week</c>...).
/// </summary>
public static class SignificantWords
{
    public const int MinLength = 4;

    private static readonly HashSet<string> StopWords = new(
        [
            "about", "above", "after", "again", "also", "another", "anyone", "been", "before", "being", "both", "could",
            "does", "done", "each", "even", "every", "from", "have", "having", "here", "into", "just", "like", "make",
            "many", "maybe", "more", "most", "much", "must", "need", "needs", "next", "none", "only", "other", "ours",
            "over", "please", "same", "should", "some", "someone", "something", "such", "sure", "than", "that", "their",
            "them", "then", "there", "these", "they", "this", "those", "through", "today", "under", "until", "upon",
            "very", "want", "week", "well", "were", "what", "when", "where", "which", "while", "will", "with", "would",
            "your", "http", "https", "www",
        ],
        StringComparer.Ordinal);

    public static HashSet<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }

            if (start >= 0 && i - start >= MinLength)
            {
                var word = text[start..i].ToLowerInvariant();
                if (!StopWords.Contains(word)) words.Add(word);
            }

            start = -1;
        }

        return words;
    }

    /// <summary>How many words two sets share.</summary>
    public static int Shared(HashSet<string> a, HashSet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var n = 0;
        foreach (var w in small)
        {
            if (large.Contains(w)) n++;
        }

        return n;
    }
}
