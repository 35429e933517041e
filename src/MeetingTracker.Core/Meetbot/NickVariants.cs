using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot;

/// <summary>The usual decorations one person's nick wears on IRC and Matrix bridges.</summary>
public static partial class NickVariants
{
    [GeneratedRegex(@"^@(?<local>[^:]+):.+$", RegexOptions.CultureInvariant)]
    private static partial Regex MatrixId();

    /// <summary>
    /// <c>bob_</c>, <c>bob__</c>, <c>bob|away</c>, <c>bob[m]</c>, <c>bob[mds]</c>, <c>bob`</c> and <c>@bob:fedora.im</c>
    /// all give <c>bob</c>. Case is kept; compare case-insensitively.
    /// </summary>
    public static string BaseNick(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        var m = MatrixId().Match(nick);
        var s = m.Success ? m.Groups["local"].Value : nick;
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
}
