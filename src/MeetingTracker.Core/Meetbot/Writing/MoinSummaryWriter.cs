namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// The "Meeting summary" of meetingology's moin minutes: <c>M.minutes</c> rendered with each era's
/// <c>moin_template</c>s and indents. Early: topics <c> *title</c>, items unindented with a <c>(nick, HH:MM:SS)</c>
/// trailer, VOTE items not in the minutes (the votes have their own section). Middle: <c>=== title ===</c> and "The
/// discussion about", items under a topic indented <c>  * </c>, ACTION/DONE/LINK/VOTE/INFO without trailer. New:
/// "Discussion started by", every item <c> * </c> (<c>  * </c> under a subtopic) with a <c>(nick, HH:MM)</c> trailer.
/// </summary>
internal static class MoinSummaryWriter
{
    public static string Write(MinutesContext c)
    {
        var era = c.Options.Era;
        var lines = new List<string> { "== Meeting summary ==\n" };
        bool haveTopic = false, haveSubtopic = false;
        foreach (var entry in c.Entries)
        {
            if (entry.Topic is { } topic)
            {
                if (haveTopic)
                {
                    lines.Add(string.Empty);
                }

                haveTopic = true;
                haveSubtopic = false;
                lines.Add(era switch
                {
                    MeetingologyEra.Early => " *" + topic.Title,
                    MeetingologyEra.Middle => $"=== {topic.Title} ===\nThe discussion about \"{topic.Title}\" started at {LogWriters.ShortClock(topic.Time)}.\n",
                    _ => $"=== {topic.Title} ===\nDiscussion started by {topic.Nick} at {LogWriters.ShortClock(topic.Time)}.\n",
                });
                continue;
            }

            var item = entry.Item!;
            if (era == MeetingologyEra.Early && item.Kind == ItemKind.Vote)
            {
                continue;
            }

            if (item.Kind == ItemKind.Subtopic && era != MeetingologyEra.Early)
            {
                haveSubtopic = true;
                lines.Add($" * '''{item.Text}''' ({LogWriters.ShortClock(item.Time)})");
                continue;
            }

            var text = Render(item, era);
            switch (era)
            {
                case MeetingologyEra.Early:
                    lines.Add(text);
                    break;
                case MeetingologyEra.Middle:
                    lines.Add(haveTopic ? "  * " + text : text);
                    break;
                default:
                    haveTopic = true;
                    lines.Add((haveSubtopic ? "  * " : " * ") + text);
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string Render(MinutesItem item, MeetingologyEra era)
    {
        var trailer = era == MeetingologyEra.Early
            ? $"  ({item.Nick}, {LogWriters.Clock(item.Time)})"
            : $"  ({item.Nick}, {LogWriters.ShortClock(item.Time)})";
        var middle = era == MeetingologyEra.Middle;
        switch (item.Kind)
        {
            case ItemKind.Info:
                return middle ? item.Text : item.Text + trailer;
            case ItemKind.Link:
                var link = LinkParts.Split(item.Text, MeetbotLayout.Meetingology);
                return "''LINK:'' " + link.Url + link.Suffix + (middle ? string.Empty : trailer);
            case ItemKind.Action or ItemKind.Done when middle:
                return $"''{MinutesEntry.TypeName(item.Kind)}:'' {item.Text}";
            case ItemKind.Vote when middle:
                return "''Vote:'' " + item.Text;
            default:
                return $"''{MinutesEntry.TypeName(item.Kind)}:'' {item.Text}{trailer}";
        }
    }
}
