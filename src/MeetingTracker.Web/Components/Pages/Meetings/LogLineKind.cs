using System.Collections.Frozen;

namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>
/// Which MeetBot command a log message is, for highlighting. Loose on purpose: the page marks what looks like a
/// command (<c>#action</c>, meetingology's <c>[TOPIC]</c>, the Matrix bot's <c>!sm</c>); the parser decides what counted.
/// </summary>
public static class LogLineKind
{
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Commands = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["startmeeting"] = "startmeeting", ["endmeeting"] = "endmeeting", ["abortmeeting"] = "endmeeting",
        ["topic"] = "topic", ["subtopic"] = "topic", ["meetingtopic"] = "topic", ["meetingname"] = "meetingname",
        ["agreed"] = "agreed", ["agree"] = "agreed", ["accepted"] = "agreed", ["accept"] = "agreed",
        ["rejected"] = "rejected", ["reject"] = "rejected", ["action"] = "action", ["info"] = "info", ["idea"] = "idea",
        ["help"] = "help", ["halp"] = "help", ["link"] = "link", ["nick"] = "chair", ["chair"] = "chair",
        ["unchair"] = "chair", ["undo"] = "undo", ["save"] = "other", ["restrictlogs"] = "other", ["lurk"] = "other",
        ["unlurk"] = "other", ["commands"] = "other", ["progress"] = "info", ["done"] = "done", ["vote"] = "vote",
        ["startvote"] = "vote", ["endvote"] = "vote", ["votesrequired"] = "vote", ["voters"] = "vote", ["showvote"] = "vote",
        ["sm"] = "startmeeting", ["em"] = "endmeeting", ["t"] = "topic", ["mn"] = "meetingname",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The command family a message starts with (<c>action</c>, <c>topic</c>, ...), or null for talk.</summary>
    public static string? Command(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2 || text[0] is not ('#' or '!' or '[')) return null;
        var end = 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) end++;
        if (end == 1 || (text[0] == '[' && (end == text.Length || text[end] != ']'))) return null;
        var word = text.AsSpan(1, end - 1);

        // The one-letter aliases are the Matrix bot's: "#t" on IRC is just talk.
        if (word.Length <= 2 && text[0] != '!') return null;
        return Commands.TryGetValue(word, out var family) ? family : null;
    }

    /// <summary>CSS classes of a log row: <c>cmd cmd-action</c>, <c>emote</c>, or none.</summary>
    public static string? CssClass(LineEntry line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.IsEmote) return "emote";
        return Command(line.Text) is { } command ? "cmd cmd-" + command : null;
    }
}
