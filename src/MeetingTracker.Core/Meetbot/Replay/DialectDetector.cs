using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>What the replay needs to know about the bot that wrote a log.</summary>
/// <param name="IsFedora">zodbot's fork, whose <c>#startmeeting</c> also sets the meeting name.</param>
/// <param name="MeetingLength">OpenStack: once this has passed, anyone may <c>#endmeeting</c>.</param>
/// <param name="BotNick">
/// The meeting bot, known by its behaviour, never by its name: the first other nick to answer the <c>#startmeeting</c>
/// (<c>!startmeeting</c>, <c>[STARTMEETING]</c>) with a line beginning "Meeting started". Its own lines are logged,
/// never run as commands; it is the meeting's <see cref="ParsedMeeting.Bots"/>.
/// </param>
/// <param name="PublishesBySubstring">
/// Whether the bot's writers credit an action to every attendee whose nick is a substring of it, case-sensitive
/// (<c>line.find(nick)</c>): 0.1.4, and meetingology before its 0.4.0 rewrite (whose start message reads "Meeting
/// started at HH:MM:SS UTC." and whose writers match whole words in any case, as rkdarst HEAD does).
/// </param>
internal sealed record DialectInfo(MeetbotDialect Dialect, bool IsFedora, TimeSpan MeetingLength, string? BotNick, bool PublishesBySubstring = false);

/// <summary>
/// Tells the dialect from the lines. Evidence, strongest first: Matrix IDs or <c>!startmeeting</c>; the bot's own
/// start message (meetingology's wiki URL, OpenStack's "due to finish in", Fedora's "logged and archived");
/// commands only one dialect has (<c>#subtopic</c>, <c>[TOPIC]</c>, <c>#startvote</c>); then the caller's hint; else 0.1.4.
/// </summary>
internal static class DialectDetector
{
    private const int BotMessageWindow = 60;
    private static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(60);

    private static readonly string[] MeetingologyOnly = ["subtopic", "progress", "done", "voters", "votesrequired", "abortmeeting"];
    private static readonly string[] BracketCommands =
        ["topic", "action", "agreed", "info", "idea", "link", "vote", "endvote", "subtopic", "progress", "done", "chair", "endmeeting", "startmeeting"];

    public static DialectInfo Detect(IReadOnlyList<LogLine> lines, MeetbotDialect hint)
    {
        var first = FirstStartLike(lines);
        var window = Math.Min(lines.Count, first + BotMessageWindow);
        var bot = FindBot(lines, first, window);
        var matrix = hint == MeetbotDialect.Matrix || (first < lines.Count && lines[first].Text.StartsWith('!'));
        bool meetingology = false, openStack = false, fedora = false, rewrite = false;
        var length = DefaultLength;
        for (var i = first; i < window; i++)
        {
            var line = lines[i];
            var text = line.Text;
            matrix |= IsMatrixId(line.Nick);
            if (!string.Equals(line.Nick, bot, StringComparison.Ordinal))
            {
                continue;
            }

            meetingology |= text.Contains("wiki.ubuntu.com/meetingology", StringComparison.Ordinal)
                || text.Contains("AlanBell/mootbot", StringComparison.Ordinal)
                || text.StartsWith("Meeting started at ", StringComparison.Ordinal);
            rewrite |= text.StartsWith("Meeting started at ", StringComparison.Ordinal);
            fedora |= text.Contains("This meeting is logged and archived", StringComparison.Ordinal)
                || text.StartsWith("Useful Commands: #action #agreed #halp", StringComparison.Ordinal)
                || text.Contains("Zodbot", StringComparison.Ordinal);
            if (text.StartsWith("Useful Commands:", StringComparison.Ordinal) && text.Contains("#startvote", StringComparison.Ordinal))
            {
                openStack = true;
            }

            if (ScheduledLength(text) is { } minutes)
            {
                openStack = true;
                length = minutes;
            }
        }

        var dialect = matrix ? MeetbotDialect.Matrix
            : meetingology ? MeetbotDialect.Meetingology
            : openStack ? MeetbotDialect.OpenStack
            : fedora ? MeetbotDialect.Meetbot014
            : FromCommandsUsed(lines) ?? (hint != MeetbotDialect.Unknown ? hint : MeetbotDialect.Meetbot014);
        var substring = dialect is MeetbotDialect.Meetbot014 or MeetbotDialect.Unknown || (dialect == MeetbotDialect.Meetingology && !rewrite);
        return new DialectInfo(dialect, fedora && dialect == MeetbotDialect.Meetbot014, length, bot, substring);
    }

    /// <summary>The nick that behaves as the meeting bot in these lines (see <see cref="DialectInfo.BotNick"/>), or null.</summary>
    public static string? BotOf(IReadOnlyList<LogLine> lines)
    {
        var first = FirstStartLike(lines);
        return FindBot(lines, first, Math.Min(lines.Count, first + BotMessageWindow));
    }

    // The answer must come from another nick than the one who asked: someone typing "Meeting started" is not the bot.
    // hcoop-meetbot addresses its answer to the starter ("t-bast: Meeting started at ...").
    private static string? FindBot(IReadOnlyList<LogLine> lines, int first, int window)
    {
        var starter = first < lines.Count && IsStartLike(lines[first].Text) ? lines[first].Nick : null;
        for (var i = first; i < window; i++)
        {
            var line = lines[i];
            if (!string.Equals(line.Nick, starter, StringComparison.Ordinal) && IsStartAnswer(line.Text, starter))
            {
                return line.Nick;
            }
        }

        return null;
    }

    private static bool IsStartAnswer(string text, string? starter)
    {
        const string answer = "Meeting started";
        if (text.StartsWith(answer, StringComparison.Ordinal)) return true;
        return starter is not null
            && text.Length > starter.Length + 2
            && text.StartsWith(starter, StringComparison.Ordinal)
            && text.AsSpan(starter.Length).StartsWith(": " + answer, StringComparison.Ordinal);
    }

    private static int FirstStartLike(IReadOnlyList<LogLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsStartLike(lines[i].Text))
            {
                return i;
            }
        }

        return 0;
    }

    private static bool IsStartLike(string text)
        => text.StartsWith("#startmeeting", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("!startmeeting", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("[startmeeting]", StringComparison.OrdinalIgnoreCase)
            || text.Equals("!sm", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("!sm ", StringComparison.OrdinalIgnoreCase);

    // OpenStack: "Meeting started Tue Dec  9 20:02:02 2014 UTC and is due to finish in 60 minutes."
    private static TimeSpan? ScheduledLength(string text)
    {
        const string marker = "and is due to finish in ";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var digits = text.AsSpan(at + marker.Length);
        var n = 0;
        while (n < digits.Length && char.IsAsciiDigit(digits[n]))
        {
            n++;
        }

        return int.TryParse(digits[..n], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? TimeSpan.FromMinutes(minutes)
            : DefaultLength;
    }

    private static MeetbotDialect? FromCommandsUsed(IReadOnlyList<LogLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if (text.Length < 2 || line.IsEmote)
            {
                continue;
            }

            if (text[0] == '#' && CommandParser.TryParse(text, MeetbotDialect.Meetbot014, out var command))
            {
                if (MeetingologyOnly.Contains(command.Name))
                {
                    return MeetbotDialect.Meetingology;
                }

                if (command.Name is "startvote" or "showvote")
                {
                    return MeetbotDialect.OpenStack;
                }
            }
            else if (text[0] == '[' && CommandParser.TryParse(text, MeetbotDialect.Meetingology, out var bracket)
                && BracketCommands.Contains(bracket.Name))
            {
                return MeetbotDialect.Meetingology;
            }
        }

        return null;
    }

    private static bool IsMatrixId(string nick) => nick.Length > 2 && nick[0] == '@' && nick.IndexOf(':', 2) > 0;
}
