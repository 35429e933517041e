using System.Text;

namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// One entry of MeetBot's <c>M.minutes</c> list (a topic or an item) with its <c>items.py</c> renderings:
/// <c>text()</c> for the text minutes and <c>html2()</c> for the HTML minutes.
/// </summary>
internal sealed record MinutesEntry(Topic? Topic, MinutesItem? Item)
{
    public bool IsTopic => Topic is not null;

    public string Nick => Topic?.Nick ?? Item!.Nick;

    public DateTimeOffset Time => Topic?.Time ?? Item!.Time;

    public int? Line => Topic is not null ? Topic.Line : Item!.Line;

    /// <summary>Topics first-class, then each topic's items, as MeetBot appended them (items before any topic first).</summary>
    public static List<MinutesEntry> Merge(ParsedMeeting meeting)
    {
        var entries = new List<MinutesEntry>(meeting.Topics.Count + meeting.Items.Count);
        var byTopic = meeting.Items.ToLookup(i => i.TopicIndex ?? -1);
        entries.AddRange(byTopic[-1].Select(i => new MinutesEntry(null, i)));
        for (var t = 0; t < meeting.Topics.Count; t++)
        {
            entries.Add(new MinutesEntry(meeting.Topics[t], null));
            entries.AddRange(byTopic[t].Select(i => new MinutesEntry(null, i)));
        }

        // Items pointing at a topic that does not exist still belong in the minutes; keep them last.
        entries.AddRange(meeting.Items.Where(i => i.TopicIndex is { } t && (t < -1 || t >= meeting.Topics.Count)).Select(i => new MinutesEntry(null, i)));
        return entries;
    }

    public static string TypeName(ItemKind kind) => kind switch
    {
        ItemKind.Info => "INFO",
        ItemKind.Idea => "IDEA",
        ItemKind.Action => "ACTION",
        ItemKind.Agreed => "AGREED",
        ItemKind.Accepted => "ACCEPTED",
        ItemKind.Rejected => "REJECTED",
        ItemKind.Link => "LINK",
        ItemKind.Help => "HELP",
        ItemKind.Vote => "VOTE",
        ItemKind.Done => "DONE",
        ItemKind.Subtopic => "SUBTOPIC",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary><c>m.text(M)</c>: <c>topic  (nick, HH:MM:SS)</c>, <c>TYPE: line  (…)</c>; INFO has no label.</summary>
    public string Text(MeetbotLayout layout)
    {
        var trailer = $"  ({Nick}, {LogWriters.Clock(Time)})";
        if (Topic is not null)
        {
            return Topic.Title + trailer;
        }

        var item = Item!;
        switch (item.Kind)
        {
            case ItemKind.Info:
                return item.Text + trailer;
            case ItemKind.Link:
                var link = LinkParts.Split(item.Text, layout);
                return "LINK: " + link.Prefix + link.Url + link.Suffix + trailer;
            default:
                return TypeName(item.Kind) + ": " + item.Text + trailer;
        }
    }

    /// <summary><c>m.html2(M)</c>, with <c>&amp; &lt; &gt;</c> escaped in nick and text, and the single-quoted log link.</summary>
    /// <remarks>meetingology from 2013-04-21 prints topic and item times as <c>HH:MM</c> (<paramref name="shortClock"/>), links keep <c>HH:MM:SS</c>.</remarks>
    public string Html2(MeetbotLayout layout, string logFileName, bool shortClock = false)
    {
        var sb = new StringBuilder(256);
        if (Topic is not null)
        {
            sb.Append("<b class=\"TOPIC\">");
            Html.Append(sb, Topic.Title);
            sb.Append("</b>");
        }
        else
        {
            AppendItemHtml(sb, Item!, layout);
        }

        sb.Append(" <span class=\"details\">(<a href='").Append(logFileName).Append("#l-").Append(Line ?? 0).Append("'>");
        Html.Append(sb, Nick);
        var clock = shortClock && Item?.Kind != ItemKind.Link ? LogWriters.ShortClock(Time) : LogWriters.Clock(Time);
        return sb.Append("</a>, ").Append(clock).Append(")</span>").ToString();
    }

    private static void AppendItemHtml(StringBuilder sb, MinutesItem item, MeetbotLayout layout)
    {
        switch (item.Kind)
        {
            case ItemKind.Info:
                sb.Append("<span class=\"INFO\">");
                Html.Append(sb, item.Text);
                sb.Append("</span>");
                return;
            case ItemKind.Link:
                var link = LinkParts.Split(item.Text, layout);
                Html.Append(sb, link.Prefix);
                sb.Append("<a href=\"");
                Html.Append(sb, link.Url.Replace("\"", "%22", StringComparison.Ordinal));
                sb.Append("\">");
                Html.Append(sb, link.Url);
                sb.Append("</a>");
                Html.Append(sb, link.Suffix);
                return;
        }

        var type = TypeName(item.Kind);
        sb.Append("<i class=\"itemtype\">").Append(type).Append("</i>: <span class=\"").Append(type).Append("\">");
        var color = item.Kind switch { ItemKind.Accepted => "green", ItemKind.Rejected => "red", _ => null };
        if (color is not null)
        {
            sb.Append("<font color=\"").Append(color).Append("\">");
        }

        Html.Append(sb, item.Text);
        if (color is not null)
        {
            sb.Append("</font>");
        }

        sb.Append("</span>");
    }
}
