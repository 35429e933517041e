namespace MeetingTracker.Core.Meetbot;

/// <summary>The usual decorations one person's nick wears on IRC and Matrix bridges.</summary>
public static class NickVariants
{
    /// <summary>
    /// <c>bob_</c>, <c>bob__</c>, <c>bob|away</c>, <c>bob[m]</c>, <c>bob[mds]</c>, <c>bob`</c> and <c>@bob:fedora.im</c>
    /// all give <c>bob</c>. Case is kept; compare case-insensitively.
    /// </summary>
    public static string BaseNick(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        var s = MatrixLocalPart(nick) ?? nick;
        var bar = s.IndexOf('|', StringComparison.Ordinal);
        if (bar > 0)
        {
            s = s[..bar];
        }

        if (s.EndsWith(']') && s.LastIndexOf('[') is var open and > 0)
        {
            s = s[..open];
        }

        var end = s.Length;
        while (end > 1 && (s[end - 1] == '_' || s[end - 1] == '`' || s[end - 1] == '^'))
        {
            end--;
        }

        return s[..end];
    }

    // The regex ^@(?<local>[^:]+):.+$ by hand (it ran once per attendee and action): the text up to the first ':',
    // then at least one character that is not '\n' ('$' also matches before one final '\n').
    private static string? MatrixLocalPart(string nick)
    {
        if (nick.Length < 4 || nick[0] != '@')
        {
            return null;
        }

        var colon = nick.IndexOf(':', 1);
        if (colon < 2)
        {
            return null;
        }

        var server = nick.AsSpan(colon + 1);
        if (server.EndsWith('\n'))
        {
            server = server[..^1];
        }

        return server.IsEmpty || server.Contains('\n') ? null : nick[1..colon];
    }
}
