namespace MeetingTracker.Core.Accountability;

/// <summary>A person an action names, with the nick as the text wrote it.</summary>
public sealed record NamedOwner(int PersonId, string Nick);

/// <summary>A word of a text as <see cref="ActionOwners"/> reads it: where it is, whether it leads the text or follows an <c>@</c>.</summary>
public readonly record struct NickWord(int Start, int Length, bool Leading, bool At);

/// <summary>
/// The project's own owners of an action (ADR 9, "Who owns an action"): every known person the text names as a whole
/// word through any of their nicks, case-insensitively, whether or not they attended. A word written as a common word
/// (<see cref="CommonWordNicks"/>) names its person only as the leading word or with <c>@</c> (MeetBot's convention
/// and the chat mention); anywhere else it is read as the word. MeetBot's published attribution is another thing
/// (<see cref="Meetbot.ActionAttribution.Published"/>) and is not changed by this.
/// The text is tokenized once; each token is one dictionary look-up (<see cref="NickIndex"/>), never a regex per nick.
/// </summary>
public static class ActionOwners
{
    /// <param name="commonWords">Words (lower case, as written) that are common words (<see cref="CommonWordNicks"/>).</param>
    /// <param name="isBot">Nicks that never own anything (the meeting's source's bots); null when there are none.</param>
    public static List<NamedOwner> Of(string text, NickIndex nicks, IReadOnlySet<string> commonWords, Func<string, bool>? isBot = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(nicks);
        ArgumentNullException.ThrowIfNull(commonWords);
        var owners = new List<NamedOwner>();
        foreach (var word in Words(text))
        {
            if (nicks.Find(text.AsSpan(word.Start, word.Length)) is not { } person || owners.Exists(o => o.PersonId == person)) continue;
            var written = text.Substring(word.Start, word.Length);
            if (!word.Leading && !word.At && commonWords.Contains(written.ToLowerInvariant())) continue;
            if (isBot?.Invoke(written) == true) continue;
            owners.Add(new NamedOwner(person, written));
        }

        return owners;
    }

    /// <summary>
    /// The words of a text: runs of letters, digits and the characters IRC allows in nicks (<c>-[]\`^{}|_</c>).
    /// <c>Leading</c>: nothing but spaces (and an <c>@</c>) before it. <c>At</c>: an <c>@</c> just before it.
    /// Punctuation around a word (<c>nick:</c>, <c>nick,</c>, <c>(nick)</c>) ends it and changes nothing else.
    /// </summary>
    public static IEnumerable<NickWord> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = true;
        for (var i = 0; i < text.Length;)
        {
            if (!IsNickChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsNickChar(text[i])) i++;
            var leading = first && text.AsSpan(0, start).TrimStart().TrimStart('@').IsEmpty;
            first = false;
            yield return new NickWord(start, i - start, leading, start > 0 && text[start - 1] == '@');
        }
    }

    private static bool IsNickChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '[' or ']' or '\\' or '`' or '^' or '{' or '}' or '|' or '_';
}
