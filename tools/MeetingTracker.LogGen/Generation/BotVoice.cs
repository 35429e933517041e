using System.Globalization;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.LogGen.Generation;

/// <summary>What each deployment's bot says, and under which nick (reference §4 "Identification lines").</summary>
internal sealed class BotVoice(ServerLayout layout, string? nick = null)
{
    private const string InfoUrl = "http://wiki.debian.org/MeetBot";

    public ServerLayout Layout { get; } = layout;

    public string Nick { get; } = nick ?? layout switch
    {
        ServerLayout.Fedora => "zodbot",
        ServerLayout.OpenStack => "openstack",
        ServerLayout.Ubuntu => "meetingology",
        _ => "MeetBot",
    };

    public MeetbotDialect Dialect => Layout switch
    {
        ServerLayout.OpenStack => MeetbotDialect.OpenStack,
        ServerLayout.Ubuntu => MeetbotDialect.Meetingology,
        _ => MeetbotDialect.Meetbot014,
    };

    /// <summary>Fedora and OpenStack name the meeting from the <c>#startmeeting</c> text; plain 0.1.4 and meetingology do not.</summary>
    public bool StartSetsName => Layout is not (ServerLayout.Debian or ServerLayout.Ubuntu);

    /// <summary>
    /// Whose rule "Action items, by person" followed: meetingology on Python 2 (to 2020) still used 0.1.4's
    /// case-sensitive substring (the 2014 corpus file leaves "Alanbell to …" unassigned beside AlanBell), 0.4.0 the
    /// whole-word rule.
    /// </summary>
    public MeetbotDialect AttributionDialect(DateTimeOffset start) =>
        Layout == ServerLayout.Ubuntu && MeetingologyEras.Of(start) != MeetingologyEra.New ? MeetbotDialect.Meetbot014 : Dialect;

    /// <summary>The attendees dict's order: Python 2's, except meetingology 0.4.0 (Python 3: insertion order).</summary>
    public IReadOnlyList<string> DictOrder(IReadOnlyList<string> insertionOrder, DateTimeOffset start) =>
        Layout == ServerLayout.Ubuntu && MeetingologyEras.Of(start) == MeetingologyEra.New ? insertionOrder : Python2DictOrder.Order(insertionOrder);

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
            case ServerLayout.Ubuntu when MeetingologyEras.Of(start) == MeetingologyEra.New:
                yield return $"Meeting started at {start.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC.  The chair is {owner}.  Information about MeetBot at https://wiki.ubuntu.com/meetingology";
                yield return "Available commands: action, commands, idea, info, link, nick";
                break;
            case ServerLayout.Ubuntu:
                yield return $"Meeting started {asctime} UTC.  The chair is {owner}. Information about MeetBot at http://wiki.ubuntu.com/meetingology.";
                yield return string.Empty;
                yield return "Available commands: #accept #accepted #action #agree #agreed #chair #commands #endmeeting #endvote #halp #help #idea #info #link #lurk #meetingname #meetingtopic #nick #progress #rejected #replay #restrictlogs #save #startmeeting #subtopic #topic #unchair #undo #unlurk #vote #voters #votesrequired";
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
