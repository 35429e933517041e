using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot;

/// <summary>
/// Who an action item belongs to. <see cref="Published"/> reproduces what each dialect's MeetBot printed under
/// "Action items, by person"; <see cref="Owners"/> is MeetingTracker's own, fairer rule used for accountability.
/// </summary>
public static class ActionAttribution
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

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

        var sorted = candidates.Distinct(StringComparer.Ordinal).Order(MeetbotNickOrder.Instance);
        return dialect == MeetbotDialect.Meetbot014 || dialect == MeetbotDialect.Unknown
            ? [.. sorted.Where(nick => nick.Length > 0 && actionText.Contains(nick, StringComparison.Ordinal))]
            : [.. sorted.Where(nick => nick.Length > 0 && WholeWord(actionText, nick))];
    }

    /// <summary>
    /// MeetingTracker's owners: attendees whose nick, or its base form without away/bridge decorations
    /// (<c>nick_</c>, <c>nick|away</c>, <c>nick[m]</c>, <c>@nick:server</c>), appears as a whole word, any case.
    /// Returns attendee nicks as spoken, in the order given.
    /// </summary>
    public static IReadOnlyList<string> Owners(string actionText, IEnumerable<string> attendees)
    {
        ArgumentNullException.ThrowIfNull(actionText);
        ArgumentNullException.ThrowIfNull(attendees);
        return [.. attendees.Distinct(StringComparer.Ordinal).Where(nick =>
        {
            var baseNick = NickVariants.BaseNick(nick);
            return (nick.Length > 0 && WholeWord(actionText, nick)) || (baseNick.Length > 1 && WholeWord(actionText, baseNick));
        })];
    }

    private static bool WholeWord(string text, string nick)
    {
        try
        {
            // ECMAScript: \b and \w are ASCII-only, as in Python 2's re without re.UNICODE.
            return Regex.IsMatch(text, @"\b" + Regex.Escape(nick) + @"\b", RegexOptions.IgnoreCase | RegexOptions.ECMAScript | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}

/// <summary>Python's <c>sorted(key=lambda x: x.lower())</c> over nicks: lowercase then ordinal, ties kept stable by the caller.</summary>
public sealed class MeetbotNickOrder : IComparer<string>
{
    public static readonly MeetbotNickOrder Instance = new();

    public int Compare(string? x, string? y) => string.CompareOrdinal(x?.ToLowerInvariant(), y?.ToLowerInvariant());
}
