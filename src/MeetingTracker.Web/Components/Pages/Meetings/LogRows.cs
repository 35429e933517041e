using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>
/// The rows of the log table as one piece of markup. A log can have thousands of lines, and building them as render
/// tree frames (five cells and a dozen elements per line) cost several times the database read; this writes them in
/// one pass. Every piece of text and every attribute goes through <see cref="HtmlEncoder.Default"/>, the encoder Razor
/// itself uses, and the text is split into plain runs and safe links by <see cref="SafeLinks"/>, as SafeText does.
/// </summary>
public static class LogRows
{
    public static MarkupString Render(int meetingId, IReadOnlyList<LineEntry> lines, IReadOnlyDictionary<int, List<(string Href, string Label)>> backLinks)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(backLinks);
        var html = new StringBuilder(lines.Count * 300);
        using var w = new StringWriter(html, CultureInfo.InvariantCulture);
        var e = HtmlEncoder.Default;
        var page = Links.Meeting(meetingId);
        foreach (var line in lines)
        {
            var anchor = Links.LineAnchor(line.Number);
            w.Write("<tr id=\"");
            w.Write(anchor);
            if (LogLineKind.CssClass(line) is { } css)
            {
                w.Write("\" class=\"");
                w.Write(css);
            }

            w.Write("\"><td class=\"num\"><a href=\"");
            w.Write(page);
            w.Write('#');
            w.Write(anchor);
            w.Write("\">");
            w.Write(line.Number);
            w.Write("</a></td><td><time datetime=\"");
            w.Write(Display.IsoUtc(line.Time));
            w.Write("\">");
            w.Write(line.Time.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            w.Write("</time></td><td class=\"nick\">");
            if (line.IsEmote) w.Write("<span aria-hidden=\"true\">* </span>");
            Link(w, e, line.Person is { } person ? Links.Person(person) : null, line.Nick, null);
            w.Write("</td><td class=\"msg\">");
            foreach (var run in SafeLinks.Split(line.Text))
            {
                Link(w, e, run.Href, run.Text, run.Href is null ? null : "rel=\"nofollow ugc noopener\"");
            }

            if (backLinks.TryGetValue(line.Number, out var targets))
            {
                foreach (var (href, label) in targets)
                {
                    w.Write(' ');
                    Link(w, e, href, label, "class=\"back\"");
                }
            }

            w.Write("</td></tr>");
        }

        w.Flush();
        return new MarkupString(html.ToString());
    }

    // Encoded text, inside <a href> when href is set (extra is trusted markup: a fixed attribute).
    private static void Link(StringWriter w, HtmlEncoder e, string? href, string text, string? extra)
    {
        if (href is null)
        {
            e.Encode(w, text);
            return;
        }

        w.Write("<a href=\"");
        e.Encode(w, href);
        w.Write('"');
        if (extra is not null)
        {
            w.Write(' ');
            w.Write(extra);
        }

        w.Write('>');
        e.Encode(w, text);
        w.Write("</a>");
    }
}
