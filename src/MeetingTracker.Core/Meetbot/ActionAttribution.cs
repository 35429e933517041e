namespace MeetingTracker.Core.Meetbot;

/// <summary>
/// Who an action item belongs to. <see cref="Published"/> reproduces what each dialect's MeetBot printed under
/// "Action items, by person"; <see cref="Owners"/> is MeetingTracker's own, fairer rule used for accountability.
/// </summary>
public static class ActionAttribution
{
    /// <summary>
    /// The nicks MeetBot credited with <paramref name="actionText"/>, in MeetBot's order (attendees sorted
    /// case-insensitively). 0.1.4: case-sensitive substring (<c>bob</c> matches <c>bobby</c>). Later dialects:
    /// <c>\bnick\b</c>, case-insensitive, ASCII word characters as Python 2's <c>re</c> had them.
    /// Matrix minutes attribute nothing.
    /// </summary>
    /// <param name="candidates">MeetBot's attendees: everyone who spoke, plus #chair and #nick targets.</param>
    public static IReadOnlyList<string> Published(string actionText, IEnumerable<string> candidates, MeetbotDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(actionText);
        ArgumentNullException.ThrowIfNull(candidates);
        if (dialect == MeetbotDialect.Matrix)
        {
            return [];
        }

        return [.. candidates.Distinct(StringComparer.Ordinal).Order(MeetbotNickOrder.Instance)
            .Where(nick => IsPublished(actionText, nick, dialect))];
    }

    /// <summary>Whether the dialect's MeetBot credited <paramref name="nick"/> with the action (Matrix aside).</summary>
    internal static bool IsPublished(string actionText, string nick, MeetbotDialect dialect) =>
        IsPublished(actionText, nick, dialect is MeetbotDialect.Meetbot014 or MeetbotDialect.Unknown);

    /// <summary>0.1.4's <c>line.find(nick)</c> (case-sensitive substring), else a whole word in any case.</summary>
    internal static bool IsPublished(string actionText, string nick, bool bySubstring) =>
        nick.Length > 0 && (bySubstring ? actionText.Contains(nick, StringComparison.Ordinal) : WholeWord(actionText, nick));

    /// <summary>
    /// MeetingTracker's owners: attendees whose nick, or its base form without away/bridge decorations
    /// (<c>nick_</c>, <c>nick|away</c>, <c>nick[m]</c>, <c>@nick:server</c>), appears as a whole word, any case.
    /// Returns attendee nicks as spoken, in the order given.
    /// </summary>
    public static IReadOnlyList<string> Owners(string actionText, IEnumerable<string> attendees)
    {
        ArgumentNullException.ThrowIfNull(actionText);
        ArgumentNullException.ThrowIfNull(attendees);
        return [.. attendees.Distinct(StringComparer.Ordinal).Where(nick => IsOwner(actionText, nick, NickVariants.BaseNick(nick)))];
    }

    /// <summary>The rule of <see cref="Owners"/> for one attendee whose base nick is already known.</summary>
    internal static bool IsOwner(string actionText, string nick, string baseNick) =>
        (nick.Length > 0 && WholeWord(actionText, nick)) || (baseNick.Length > 1 && WholeWord(actionText, baseNick));

    /// <summary>
    /// Python 2's <c>re.search(r'\b' + re.escape(nick) + r'\b', text, re.I)</c> without building a regex per nick:
    /// an ASCII-case-insensitive occurrence with a word boundary (ASCII <c>\w</c> changes) at both of its ends.
    /// </summary>
    internal static bool WholeWord(string text, string nick)
    {
        for (var at = text.IndexOf(nick, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(nick, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (IsBoundary(text, at) && IsBoundary(text, at + nick.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoundary(string text, int position)
        => IsWordChar(text, position - 1) != IsWordChar(text, position);

    private static bool IsWordChar(string text, int index)
        => index >= 0 && index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_');
}

/// <summary>Python's <c>sorted(key=lambda x: x.lower())</c> over nicks: lowercase then ordinal, ties kept stable by the caller.</summary>
public sealed class MeetbotNickOrder : IComparer<string>
{
    public static readonly MeetbotNickOrder Instance = new();

    public int Compare(string? x, string? y) => string.CompareOrdinal(x?.ToLowerInvariant(), y?.ToLowerInvariant());
}
