using System.Globalization;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.LogGen.Generation;

/// <summary>What each deployment's bot says, and under which nick (reference §4 "Identification lines").</summary>
internal sealed class BotVoice(ServerLayout layout)
{
    private const string InfoUrl = "http://wiki.debian.org/MeetBot";

    public ServerLayout Layout { get; } = layout;

    public string Nick => Layout switch
    {
        ServerLayout.Fedora => "zodbot",
        ServerLayout.OpenStack => "openstack",
        _ => "MeetBot",
    };

    public MeetbotDialect Dialect => Layout == ServerLayout.OpenStack ? MeetbotDialect.OpenStack : MeetbotDialect.Meetbot014;

    /// <summary>Fedora and OpenStack name the meeting from the <c>#startmeeting</c> text; plain 0.1.4 does not.</summary>
    public bool StartSetsName => Layout != ServerLayout.Debian;

    /// <summary>The replies to <c>#startmeeting</c>, all logged at the start second.</summary>
    public IEnumerable<string> StartLines(DateTimeOffset start, string owner, string? meetingName)
    {
        var asctime = AscTime(start);
        switch (Layout)
        {
            case ServerLayout.Fedora:
                yield return $"Meeting started {asctime} UTC.";
                yield return "This meeting is logged and archived in a public location.";
                yield return $"The chair is {owner}. Information about MeetBot at {InfoUrl}.";
                yield return "Useful Commands: #action #agreed #halp #info #idea #link #topic.";
                yield return $"The meeting name has been set to '{meetingName}'";
                break;
            case ServerLayout.OpenStack:
                yield return $"Meeting started {asctime} UTC and is due to finish in 60 minutes.  The chair is {owner}. Information about MeetBot at {InfoUrl}.";
                yield return "Useful Commands: #action #agreed #help #info #idea #link #topic #startvote.";
                yield return $"The meeting name has been set to '{meetingName}'";
                break;
            default:
                yield return $"Meeting started {asctime} UTC.  The chair is {owner}. Information about MeetBot at {InfoUrl}.";
                yield return "Useful Commands: #action #agreed #help #info #idea #link #topic.";
                break;
        }
    }

    public static string ChairsReply(IEnumerable<string> chairs) => "Current chairs: " + string.Join(' ', chairs.Order(StringComparer.Ordinal));

    public static string MeetingNameReply(string name) => $"The meeting name has been set to '{name}'";

    /// <summary>
    /// <c>#undo</c>'s reply names the removed item: Fedora's patch prints generic items as <c>INFO by nick at time : text</c>
    /// (topics and links keep Python's object repr), OpenStack prints the command, plain 0.1.4 the object repr.
    /// </summary>
    public string UndoReply(SimEntry removed, long address)
    {
        var type = removed.Kind is { } k ? KindName(k) : "TOPIC";
        var repr = string.Create(CultureInfo.InvariantCulture, $"<{(Layout == ServerLayout.Fedora ? "items" : "MeetBot.items")}.{ClassName(removed.Kind)} object at 0x{address:x}>");
        var text = Layout switch
        {
            ServerLayout.OpenStack => removed.Kind switch
            {
                null => "#topic " + removed.Text,
                ItemKind.Link => "#link " + removed.Text.Split(' ')[0],
                _ => "#" + type.ToLowerInvariant() + " " + removed.Text,
            },
            ServerLayout.Fedora when removed.Kind is not (null or ItemKind.Link) =>
                $"{type} by {removed.Nick} at {removed.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} : {removed.Text}",
            _ => repr,
        };
        return "Removing item from minutes: " + text;
    }

    /// <summary><c>time.asctime</c>: <c>Wed Jun 10 14:10:12 2020</c>, the day padded with a space.</summary>
    public static string AscTime(DateTimeOffset t) => string.Create(
        CultureInfo.InvariantCulture,
        $"{t.ToString("ddd MMM", CultureInfo.InvariantCulture)} {t.Day,2} {t.ToString("HH:mm:ss yyyy", CultureInfo.InvariantCulture)}");

    public static string KindName(ItemKind kind) => kind.ToString().ToUpperInvariant();

    private static string ClassName(ItemKind? kind) => kind is { } k ? k.ToString() : "Topic";
}
