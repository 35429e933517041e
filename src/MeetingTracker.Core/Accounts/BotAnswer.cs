using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// Fedora's zodbot answers <c>.hello NICK</c>, <c>.hello2</c> and <c>.fasinfo NICK</c> with
/// <c>ASKER: NICK 'Real Name' &lt;address&gt;</c>: the account system's own word that NICK has that address. Pure: the
/// caller makes sure the line is the meeting bot's (a human can type the same text).
/// </summary>
public static partial class BotAnswer
{
    /// <summary>The nick and address the answer ties together, or false when the text is not such an answer.</summary>
    public static bool TryParse(string text, out string nick, out string address)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text.Trim());
        nick = match.Success ? match.Groups["nick"].Value : string.Empty;
        address = match.Success ? match.Groups["address"].Value : string.Empty;
        return match.Success;
    }

    [GeneratedRegex(@"^[^\s:]+: (?<nick>[^\s:']+) '[^']*' <(?<address>[^<>\s@]+@[^<>\s@]+)>$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
