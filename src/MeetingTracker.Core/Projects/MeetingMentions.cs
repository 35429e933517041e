using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Projects;

/// <summary>
/// The mentions of one meeting, from its log's lines and from its items whose line is not in the log (a meeting read
/// from its minutes alone: MeetBot's minutes name each item's line, the log is missing); an item said on a stored line
/// shares that line's mentions. Bare <c>bug N</c> forms are resolved within the meeting
/// (<see cref="ReferenceFinder.FindInMeeting"/>). The messages are the lines, in order, then those items, in order:
/// the harvest's workers find them in a parsed meeting, <see cref="MentionsRefresh"/> in a stored one.
/// </summary>
public static class MeetingMentions
{
    /// <summary>A stored meeting's mentions, from its lines and items.</summary>
    public static List<ProjectMention> Find(
        ReferenceFinder finder,
        int meetingId,
        IReadOnlyList<(int Number, string Text)> lines,
        IReadOnlyList<(int Number, int? Line, string Text)> items)
    {
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(items);
        var numbers = lines.Select(l => l.Number).ToHashSet();
        var unlined = items.Where(i => Unlined(i.Line, numbers)).ToList();
        var found = finder.FindInMeeting([.. lines.Select(l => l.Text), .. unlined.Select(i => i.Text)]);
        return Rows(found, meetingId, [.. lines.Select(l => l.Number)], [.. unlined.Select(i => i.Number)]);
    }

    /// <summary>A parsed meeting's messages, in the order <see cref="Rows"/> reads what was found in them.</summary>
    public static IReadOnlyList<string> Messages(ParsedMeeting parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var numbers = parsed.Lines.Select(l => l.Number).ToHashSet();
        return [.. parsed.Lines.Select(l => l.Text), .. parsed.Items.Where(i => Unlined(i.Line, numbers)).Select(i => i.Text)];
    }

    /// <summary>Whether an item's mentions are its own: it has no line, or its line is not among the meeting's <paramref name="lines"/>.</summary>
    public static bool Unlined(int? line, IReadOnlySet<int> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return line is not { } n || !lines.Contains(n);
    }

    /// <summary>
    /// The rows of what was found in each message: the first <paramref name="lineNumbers"/>.Count messages are those
    /// lines, the rest the items of <paramref name="itemNumbers"/>.
    /// </summary>
    public static List<ProjectMention> Rows(IReadOnlyList<IReadOnlyList<ProjectReference>> found, int meetingId, IReadOnlyList<int> lineNumbers, IReadOnlyList<int> itemNumbers)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(lineNumbers);
        ArgumentNullException.ThrowIfNull(itemNumbers);
        if (found.Count != lineNumbers.Count + itemNumbers.Count)
        {
            throw new ArgumentException($"{found.Count} messages searched for {lineNumbers.Count} lines and {itemNumbers.Count} items", nameof(found));
        }

        var mentions = new List<ProjectMention>();
        for (var i = 0; i < found.Count; i++)
        {
            var onLine = i < lineNumbers.Count;
            foreach (var r in found[i])
            {
                mentions.Add(new ProjectMention
                {
                    MeetingId = meetingId,
                    Line = onLine ? lineNumbers[i] : null,
                    ItemNumber = onLine ? null : itemNumbers[i - lineNumbers.Count],
                    ProjectKey = r.ProjectKey,
                    ProjectKind = r.ProjectKind,
                    TicketKind = r.TicketKind,
                    Ticket = r.Ticket,
                    Url = r.Url,
                });
            }
        }

        return mentions;
    }
}
