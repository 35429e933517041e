using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>Text helpers shared by the minutes readers.</summary>
internal static partial class MinutesText
{
    /// <summary>"Meeting started by NICK at HH:MM[:SS]" (the Matrix bot and hcoop print a date before the time).</summary>
    [GeneratedRegex(@"Meeting started by (?<nick>\S+) at (?:(?<date>\d{4}-\d\d-\d\d)[ T])?(?<time>\d\d:\d\d(?::\d\d)?)", RegexOptions.CultureInvariant)]
    public static partial Regex StartedPattern();

    /// <summary>"Meeting ended at [DATE ]HH:MM[:SS]".</summary>
    [GeneratedRegex(@"Meeting ended at (?:(?<date>\d{4}-\d\d-\d\d)[ T])?(?<time>\d\d:\d\d(?::\d\d)?)", RegexOptions.CultureInvariant)]
    public static partial Regex EndedPattern();

    /// <summary>Collapses every run of ASCII whitespace to one space and trims: MeetBot wraps minutes at 72 columns.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && n > 0)
            {
                buffer[n++] = ' ';
            }

            pendingSpace = false;
            buffer[n++] = c;
        }

        return new string(buffer[..n]);
    }

    /// <summary>
    /// Splits MeetBot's <c>text  (nick, HH:MM:SS)</c> trailer off an entry (collapsed text). Tolerates a missing comma
    /// (hand-written minutes) and <c>HH:MM</c>. Returns false when the text has no such trailer.
    /// </summary>
    public static bool TrySplitTrailer(string text, out string body, out string nick, out string time)
    {
        body = text;
        nick = time = string.Empty;
        if (!text.EndsWith(')'))
        {
            return false;
        }

        var open = text.LastIndexOf('(');
        if (open < 0)
        {
            return false;
        }

        var inner = text.AsSpan(open + 1, text.Length - open - 2).Trim();
        var space = inner.LastIndexOf(' ');
        if (space <= 0 || !DayClock.TryParseTime(inner[(space + 1)..], out _))
        {
            return false;
        }

        var who = inner[..space].TrimEnd().TrimEnd(',').Trim();
        if (who.IsEmpty || who.ContainsAny(" ,()"))
        {
            return false;
        }

        nick = who.ToString();
        time = inner[(space + 1)..].ToString();
        body = text[..open].TrimEnd();
        return true;
    }

    /// <summary>Splits a page title into channel and meeting topic: <c>#chan: topic</c> or <c>#chan Meeting</c>.</summary>
    public static (string? Channel, string? Title) SplitPageTitle(string? pageTitle)
    {
        if (string.IsNullOrWhiteSpace(pageTitle))
        {
            return (null, null);
        }

        var colon = pageTitle.IndexOf(": ", StringComparison.Ordinal);
        var space = pageTitle.IndexOf(' ', StringComparison.Ordinal);
        if (colon > 0 && (space < 0 || colon < space))
        {
            return (pageTitle[..colon], pageTitle[(colon + 2)..]);
        }

        if (pageTitle.EndsWith(" Meeting", StringComparison.OrdinalIgnoreCase) && space == pageTitle.Length - 8)
        {
            return (pageTitle[..space], null);
        }

        return space < 0 ? (pageTitle, null) : (null, pageTitle);
    }
}
