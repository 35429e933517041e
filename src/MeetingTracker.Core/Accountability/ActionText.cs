using System.Text;

namespace MeetingTracker.Core.Accountability;

/// <summary>How two action texts are found to be the same action carried over.</summary>
public static class ActionText
{
    /// <summary>
    /// Lower case (invariant), whitespace runs made one space, whitespace and punctuation trimmed at both ends:
    /// <c>"Bob to  fix the mirror."</c> and <c>"bob to fix the mirror"</c> are one action. Nicks stay as written (not
    /// resolved to people), so an action reworded or reassigned starts a new chain.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && b.Length > 0) b.Append(' ');
            space = false;
            b.Append(char.ToLowerInvariant(c));
        }

        var start = 0;
        var end = b.Length;
        while (start < end && IsTrimmed(b[start])) start++;
        while (end > start && IsTrimmed(b[end - 1])) end--;
        return b.ToString(start, end - start);
    }

    private static bool IsTrimmed(char c) => char.IsPunctuation(c) || char.IsWhiteSpace(c);
}
