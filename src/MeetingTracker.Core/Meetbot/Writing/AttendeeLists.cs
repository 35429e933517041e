using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// The attendee lists the minutes print: <c>iterNickCounts</c> (stable sort of the attendees dict by count, descending)
/// and <c>iterActionItemsNick</c> (attendees sorted case-insensitively, each with the actions attributed to it).
/// </summary>
internal static partial class AttendeeLists
{
    [GeneratedRegex(@"^#(chair|nick)[ \t]+(?<args>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChairOrNick();

    [GeneratedRegex("[, ]+", RegexOptions.CultureInvariant)]
    private static partial Regex NickSeparators();

    /// <summary>The attendees in MeetBot's dict order.</summary>
    public static IReadOnlyList<Attendee> DictOrder(ParsedMeeting meeting, AttendeeOrder order)
    {
        if (order == AttendeeOrder.AsGiven)
        {
            return meeting.People;
        }

        var byNick = new Dictionary<string, Attendee>(StringComparer.Ordinal);
        foreach (var a in meeting.People)
        {
            byNick.TryAdd(a.Nick, a);
        }

        var inserted = InsertionOrder(meeting, byNick);
        var ordered = order == AttendeeOrder.InsertionFromLog ? inserted : Python2DictOrder.Order(inserted);
        return [.. ordered.Where(byNick.ContainsKey).Select(n => byNick[n])];
    }

    /// <summary>"People present": stable sort by lines said, descending.</summary>
    public static IReadOnlyList<Attendee> ByCount(IReadOnlyList<Attendee> dictOrder)
        => [.. dictOrder.OrderByDescending(a => a.Lines)];

    /// <summary>"Action items, by person": each nick (sorted case-insensitively) with the actions attributed to it.</summary>
    public static List<(string Nick, List<MinutesItem> Actions)> ByPerson(IReadOnlyList<Attendee> dictOrder, IReadOnlyList<MinutesItem> actions)
    {
        var nicks = dictOrder.Select(a => a.Nick).ToList();
        var known = new HashSet<string>(nicks, StringComparer.Ordinal);
        foreach (var nick in actions.SelectMany(a => a.Assignees))
        {
            if (known.Add(nick))
            {
                nicks.Add(nick);
            }
        }

        var result = new List<(string, List<MinutesItem>)>();
        foreach (var nick in nicks.Order(MeetbotNickOrder.Instance))
        {
            var mine = actions.Where(a => a.Assignees.Contains(nick, StringComparer.Ordinal)).ToList();
            if (mine.Count > 0)
            {
                result.Add((nick, mine));
            }
        }

        return result;
    }

    // When each attendee entered the dict: its first spoken line, or an earlier #chair/#nick naming it.
    private static List<string> InsertionOrder(ParsedMeeting meeting, Dictionary<string, Attendee> attendees)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>(attendees.Count);
        void Add(string nick)
        {
            if (attendees.ContainsKey(nick) && seen.Add(nick))
            {
                order.Add(nick);
            }
        }

        foreach (var line in meeting.Lines)
        {
            Add(line.Nick);
            if (!line.IsEmote && ChairOrNick().Match(line.Text) is { Success: true } m)
            {
                foreach (var nick in NickSeparators().Split(m.Groups["args"].Value.Trim()))
                {
                    Add(nick);
                }
            }
        }

        foreach (var a in meeting.People)
        {
            Add(a.Nick);
        }

        return order;
    }
}
