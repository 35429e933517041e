using MeetingTracker.Core.Meetbot.Minutes;

namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>
/// Turns the "Meeting summary" entries of a minutes page into topics and items, from MeetBot's item markup:
/// <c>&lt;b class="TOPIC"&gt;</c>; <c>&lt;i class="itemtype"&gt;TYPE&lt;/i&gt;: &lt;span class="TYPE"&gt;</c> (text possibly
/// in <c>&lt;font&gt;</c>); <c>&lt;span class="INFO"&gt;</c>; a bare <c>&lt;a&gt;</c> for LINK; then the details span
/// <c>(nick, HH:MM:SS)</c> whose link ends in <c>#l-N</c> (meetingology may link the time instead of the nick).
/// Matrix minutes print plain <c>TAG: text (sender, HH:MM:SS)</c>.
/// </summary>
internal static class MinutesHtmlSummary
{
    public static void Read(List<HtmlListEntry> entries, MinutesDraft d)
    {
        foreach (var e in entries)
        {
            if (Entry(e, d.Warnings) is { } entry)
            {
                d.Entries.Add(entry);
            }
        }
    }

    private static DraftEntry? Entry(HtmlListEntry e, List<string> warnings)
    {
        var details = e.Text(EntryRole.Details);
        MinutesText.TrySplitTrailer(details, out _, out var nick, out var time);
        var line = e.DetailsLine;
        if (e.HasTopicMarkup)
        {
            return new DraftEntry(true, default, e.Text(EntryRole.Topic), NullIfEmpty(nick), NullIfEmpty(time), line);
        }

        if (!e.IsEmpty(EntryRole.ItemType))
        {
            var label = e.Text(EntryRole.ItemType).TrimEnd(':', ' ');
            var text = e.TypedClass is null ? e.Text(EntryRole.Other).TrimStart(':', ' ') : e.Text(EntryRole.Typed);
            if (!ItemKinds.TryParse(label, out var kind))
            {
                warnings.Add($"unknown item type '{label}': read as INFO");
                kind = ItemKind.Info;
                text = label + ": " + text;
            }

            return new DraftEntry(false, kind, text, NullIfEmpty(nick), NullIfEmpty(time), line, kind == ItemKind.Link ? e.Url : null);
        }

        if (e.TypedClass is { } cls)
        {
            var kind = ItemKinds.TryParse(cls, out var k) ? k : ItemKind.Info;
            return new DraftEntry(false, kind, e.Text(EntryRole.Typed), NullIfEmpty(nick), NullIfEmpty(time), line, kind == ItemKind.Link ? e.Url : null);
        }

        var other = e.Text(EntryRole.Other);
        if (other.Length == 0)
        {
            return null; // MeetBot's anonymous <li> holding the items before the first topic
        }

        if (e.Url is not null && details.Length > 0)
        {
            return new DraftEntry(false, ItemKind.Link, other, NullIfEmpty(nick), NullIfEmpty(time), line, e.Url);
        }

        return PlainEntry(other, nick, time, line, e.Url);
    }

    // Matrix minutes (and hand-made pages): "TAG: text (sender, HH:MM:SS)", "TOPIC: title (sender, HH:MM:SS)".
    private static DraftEntry PlainEntry(string text, string nick, string time, int? line, string? url)
    {
        if (MinutesText.TrySplitTrailer(text, out var body, out var n, out var t))
        {
            (text, nick, time) = (body, n, t);
        }

        if (text.StartsWith("TOPIC:", StringComparison.Ordinal))
        {
            return new DraftEntry(true, default, text[6..].Trim(), NullIfEmpty(nick), NullIfEmpty(time), line);
        }

        var (kind, itemText) = ItemKinds.SplitLabel(text);
        return new DraftEntry(false, kind, itemText, NullIfEmpty(nick), NullIfEmpty(time), line, kind == ItemKind.Link ? url : null);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
