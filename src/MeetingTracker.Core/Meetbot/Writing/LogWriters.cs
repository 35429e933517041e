using System.Globalization;
using System.Text;

namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// MeetBot's <c>TextLog</c> (<c>"\n".join(lines)</c>, no trailing newline) and <c>HTMLlog2</c> writers. HTMLlog2 splits
/// each stored line with its own regexes; <see cref="AppendHtmlLine"/> reproduces what they capture on the
/// <c>HH:MM:SS &lt;nick&gt; text</c> and <c>HH:MM:SS * nick text</c> shapes (Python 2 <c>\s</c> is ASCII there).
/// </summary>
internal static class LogWriters
{
    /// <summary>MeetBot's stored line: <c>HH:MM:SS &lt;nick&gt; text</c>, or <c>HH:MM:SS * nick text</c> for /me.</summary>
    /// <remarks>meetingology from 2013-04-21 on stores <c>HH:MM</c> (<paramref name="shortClock"/>).</remarks>
    public static StringBuilder AppendRaw(StringBuilder sb, LogLine line, bool shortClock = false) => sb
        .Append(shortClock ? ShortClock(line.Time) : Clock(line.Time)).Append(line.IsEmote ? " * " : " <").Append(line.Nick).Append(line.IsEmote ? " " : "> ").Append(line.Text);

    public static string Clock(DateTimeOffset time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string ShortClock(DateTimeOffset time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string LogTxt(ParsedMeeting meeting, WriterOptions options)
    {
        var sb = new StringBuilder(meeting.Lines.Count * 64);
        for (var i = 0; i < meeting.Lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            AppendRaw(sb, meeting.Lines[i], options.ShortClock);
        }

        return sb.ToString();
    }

    public static string LogHtml(ParsedMeeting meeting, WriterOptions options)
    {
        var sb = new StringBuilder(meeting.Lines.Count * 160 + 2048);
        sb.Append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>\n<head>\n")
            .Append("<meta http-equiv=\"Content-type\" content=\"text/html;charset=UTF-8\">\n<title>");
        Html.Append(sb, meeting.Channel ?? string.Empty);
        sb.Append(" log</title>\n").Append(options.ShortClock ? MeetbotCss.MeetingologyLogStyle : MeetbotCss.LogStyle).Append("</head>\n\n<body>\n<pre>");
        var raw = new StringBuilder(256);
        for (var i = 0; i < meeting.Lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            AppendHtmlLine(sb, i + 1, AppendRaw(raw.Clear(), meeting.Lines[i], options.ShortClock).ToString(), options.TimestampAnchors || options.ShortClock, emoteAnchors: !options.ShortClock);
        }

        return sb.Append("</pre>\n</body></html>\n").ToString();
    }

    /// <param name="emoteAnchors">False for meetingology, whose <c>* nick</c> lines keep the bare <c>&lt;a name&gt;</c> anchor.</param>
    public static void AppendHtmlLine(StringBuilder sb, int number, string raw, bool timestampAnchors, bool emoteAnchors = true)
    {
        // Both shapes start with the clock (HH:MM:SS, or meetingology's later HH:MM) and a space.
        var space = raw.IndexOf(' ', StringComparison.Ordinal);
        var clock = space > 0 ? raw[..space] : raw;
        var rest = space > 0 ? raw[(space + 1)..] : string.Empty;
        if (!emoteAnchors && !(rest.StartsWith('<') && rest.IndexOf('>', 2) > 1))
        {
            timestampAnchors = false;
        }

        var anchor = timestampAnchors
            ? string.Create(CultureInfo.InvariantCulture, $"<a href=\"#l-{number}\" name=\"l-{number}\">")
            : string.Create(CultureInfo.InvariantCulture, $"<a name=\"l-{number}\"></a>");
        var close = timestampAnchors ? "</a>" : string.Empty;
        if (rest.StartsWith('<') && rest.IndexOf('>', 2) is var gt and > 1)
        {
            sb.Append(anchor).Append("<span class=\"tm\">").Append(clock).Append("</span>").Append(close).Append("<span class=\"nk\"> ");
            Html.Append(sb, rest.AsSpan(0, gt + 1));
            sb.Append("</span> ");
            AppendMessage(sb, ToNewline(rest, SkipSpace(rest, gt + 1)));
            return;
        }

        // "* nick text": the nick group is "*", the whitespace run, and the next non-space run.
        var star = rest.StartsWith('*') ? rest : "* " + rest;
        var nickStart = SkipSpace(star, 1);
        var nickEnd = nickStart;
        while (nickEnd < star.Length && !IsSpace(star[nickEnd]))
        {
            nickEnd++;
        }

        sb.Append(anchor).Append("<span class=\"tm\">").Append(clock).Append(" </span>").Append(close).Append("<span class=\"nka\">");
        Html.Append(sb, star.AsSpan(0, nickEnd));
        sb.Append("</span> <span class=\"ac\">");
        Html.Append(sb, ToNewline(star, SkipSpace(star, nickEnd)));
        sb.Append("</span>");
    }

    // A command word with the blanks after it in one span, the rest of the line in the other (MeetBot's \s*).
    private static void AppendCommand(StringBuilder sb, ReadOnlySpan<char> text, int wordEnd, string commandClass, string lineClass)
    {
        var end = wordEnd;
        while (end < text.Length && text[end] is ' ' or '\t' or '\f' or '\v')
        {
            end++;
        }

        sb.Append("<span class=\"").Append(commandClass).Append("\">");
        Html.Append(sb, text[..end]);
        sb.Append("</span><span class=\"").Append(lineClass).Append("\">");
        Html.Append(sb, text[end..]);
        sb.Append("</span>");
    }

    // The message part: "#topic" (case-sensitive), other "#word" commands, "word: " highlights, or plain text.
    private static void AppendMessage(StringBuilder sb, ReadOnlySpan<char> text)
    {
        if (text.StartsWith("#topic"))
        {
            AppendCommand(sb, text, 6, "topic", "topicline");
            return;
        }

        var word = 0;
        while (word < text.Length && !IsSpace(text[word]))
        {
            word++;
        }

        if (text.Length > 1 && text[0] == '#' && word > 1)
        {
            AppendCommand(sb, text, word, "cmd", "cmdline");
            return;
        }

        if (word >= 2 && text[word - 1] == ':' && word < text.Length && text[word] == ' ')
        {
            sb.Append("<span class=\"hi\">");
            Html.Append(sb, text[..word]);
            sb.Append("</span>");
            Html.Append(sb, text[word..]);
            return;
        }

        Html.Append(sb, text);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static ReadOnlySpan<char> ToNewline(string s, int start)
    {
        var span = s.AsSpan(start);
        var nl = span.IndexOf('\n');
        return nl < 0 ? span : span[..nl];
    }
}
