namespace MeetingTracker.Core.Projects;

/// <summary>
/// The mentions of one meeting, from its log's lines and from its items that have no line (a meeting read from its
/// minutes alone); an item said on a line shares that line's mentions. Bare <c>bug N</c> forms are resolved within
/// the meeting (<see cref="ReferenceFinder.FindInMeeting"/>).
/// </summary>
public static class MeetingMentions
{
    public static List<ProjectMention> Find(
        ReferenceFinder finder,
        int meetingId,
        IReadOnlyList<(int Number, string Text)> lines,
        IReadOnlyList<(int Number, int? Line, string Text)> items)
    {
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(items);
        var unlined = items.Where(i => i.Line is null).ToList();
        var texts = new List<string>(lines.Count + unlined.Count);
        texts.AddRange(lines.Select(l => l.Text));
        texts.AddRange(unlined.Select(i => i.Text));
        var found = finder.FindInMeeting(texts);
        var mentions = new List<ProjectMention>();
        for (var i = 0; i < found.Count; i++)
        {
            var onLine = i < lines.Count;
            foreach (var r in found[i])
            {
                mentions.Add(new ProjectMention
                {
                    MeetingId = meetingId,
                    Line = onLine ? lines[i].Number : null,
                    ItemNumber = onLine ? null : unlined[i - lines.Count].Number,
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
