using System.Collections.Frozen;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>A command at the start of a message: its lower-case name (aliases resolved) and the rest of the line.</summary>
internal readonly record struct Command(string Name, string Argument);

/// <summary>
/// Recognises commands exactly where each bot does: only at the very start of a message (Python's <c>re.match</c>).
/// Classic MeetBot: <c>#([\w]+)[ \t]*(.*)</c> with ASCII <c>\w</c>. meetingology: <c>^[#\[](\w+)\]?(?:\s+(.*?)|)\s*$</c>,
/// so MootBot's <c>[TOPIC] x</c> works too. Matrix: <c>!</c> or <c>^</c> plus a word, with <c>!sm !em !t !mn</c>.
/// Hand-written scanners instead of regexes: this runs on every line of every log.
/// </summary>
internal static class CommandParser
{
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = new[]
    {
        "startmeeting", "endmeeting", "abortmeeting", "topic", "meetingtopic", "meetingname", "save", "agreed", "agree",
        "accepted", "accept", "rejected", "reject", "action", "info", "idea", "help", "halp", "link", "nick", "chair",
        "unchair", "undo", "restrictlogs", "lurk", "unlurk", "commands", "subtopic", "progress", "done", "vote",
        "votesrequired", "endvote", "voters", "startvote", "showvote", "sm", "em", "t", "mn",
    }.ToFrozenDictionary(n => n, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParse(string text, MeetbotDialect dialect, out Command command) => dialect switch
    {
        MeetbotDialect.Meetingology => TryParseMeetingology(text, out command),
        MeetbotDialect.Matrix => TryParseMatrix(text, out command),
        _ => TryParseClassic(text, out command),
    };

    /// <summary>
    /// Whether the message starts a meeting. The classic plugin tests <c>payload[:13] == '#startmeeting'</c>
    /// (case-sensitive); meetingology lower-cases it; the Matrix bot takes <c>!startmeeting</c> or <c>!sm</c>.
    /// </summary>
    public static bool IsStart(string text, MeetbotDialect dialect, out string argument)
    {
        argument = string.Empty;
        var prefixOk = dialect switch
        {
            MeetbotDialect.Matrix => text.Length > 0 && text[0] is '!' or '^',
            MeetbotDialect.Meetingology => text.StartsWith("#startmeeting", StringComparison.OrdinalIgnoreCase),
            _ => text.StartsWith("#startmeeting", StringComparison.Ordinal),
        };
        if (!prefixOk || !TryParse(text, dialect, out var command) || command.Name != "startmeeting")
        {
            return false;
        }

        argument = command.Argument;
        return true;
    }

    private static bool TryParseClassic(string text, out Command command)
    {
        command = default;
        var end = WordEnd(text, "#", unicode: false);
        if (end == 0)
        {
            return false;
        }

        var rest = end;
        while (rest < text.Length && text[rest] is ' ' or '\t')
        {
            rest++;
        }

        command = new Command(Name(text.AsSpan(1, end - 1)), text[rest..].TrimEnd());
        return true;
    }

    private static bool TryParseMeetingology(string text, out Command command)
    {
        command = default;
        var end = WordEnd(text, "#[", unicode: true);
        if (end == 0)
        {
            return false;
        }

        var rest = end < text.Length && text[end] == ']' ? end + 1 : end;
        var argument = text.AsSpan(rest).Trim();
        if (!argument.IsEmpty && !char.IsWhiteSpace(text[rest]))
        {
            return false;
        }

        command = new Command(Name(text.AsSpan(1, end - 1)), argument.ToString());
        return true;
    }

    private static bool TryParseMatrix(string text, out Command command)
    {
        command = default;
        var end = WordEnd(text, "!^", unicode: true);
        if (end == 0)
        {
            return false;
        }

        var name = Name(text.AsSpan(1, end - 1)) switch
        {
            "sm" => "startmeeting",
            "em" => "endmeeting",
            "t" => "topic",
            "mn" => "meetingname",
            var other => other,
        };
        command = new Command(name, text.AsSpan(end).Trim().ToString());
        return true;
    }

    // The lower-case name without allocating for the commands any bot knows; Python's command.lower() for the rest.
    private static string Name(ReadOnlySpan<char> word) =>
        KnownNames.TryGetValue(word, out var name) ? name : word.ToString().ToLowerInvariant();

    // Where the command word after a one-character prefix ends (Python's [\w]+, ASCII or Unicode); 0 when the text
    // does not start with a prefix followed by a word.
    private static int WordEnd(string text, string prefixes, bool unicode)
    {
        if (text.Length < 2 || !prefixes.Contains(text[0], StringComparison.Ordinal))
        {
            return 0;
        }

        var end = 1;
        while (end < text.Length && (unicode ? IsUnicodeWord(text[end]) : IsAsciiWord(text[end])))
        {
            end++;
        }

        return end == 1 ? 0 : end;
    }

    private static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsUnicodeWord(char c) => char.IsLetterOrDigit(c) || c == '_';
}
