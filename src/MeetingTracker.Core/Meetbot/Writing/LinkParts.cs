namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// How MeetBot's <c>items.Link</c> cuts a <c>#link</c> line: the minutes print <c>Prefix + Url + Suffix</c> and link
/// only <c>Url</c>. 0.1.4 takes the first space-separated token as the URL (<c>#link Board: https://…</c> links
/// <c>Board:</c>); later versions find the first <c>proto://…</c> anywhere, not ending in <c>.</c> or <c>)</c>.
/// </summary>
internal readonly record struct LinkParts(string Prefix, string Url, string Suffix)
{
    private static readonly string[] Protocols = ["http:", "https:", "irc:", "ftp:", "mailto:", "ssh:"];

    public static LinkParts Split(string line, MeetbotLayout layout)
    {
        if (layout is MeetbotLayout.Meetbot014 or MeetbotLayout.Meetingology)
        {
            // self.url, self.line = (line+' ').split(' ', 1); self.line = self.line.strip()
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space < 0
                ? new LinkParts(string.Empty, line, " ")
                : new LinkParts(string.Empty, line[..space], " " + PyStrip(line[(space + 1)..]));
        }

        var end = line.IndexOf('\n', StringComparison.Ordinal);
        var scope = end < 0 ? line : line[..end];
        for (var start = 0; start < scope.Length; start++)
        {
            var urlEnd = UrlAt(scope, start);
            if (urlEnd > 0)
            {
                return new LinkParts(scope[..start], scope[start..urlEnd], scope[urlEnd..]);
            }
        }

        // The old way: first token, and the rest with a space before and (from the padding) after.
        var sp = line.IndexOf(' ', StringComparison.Ordinal);
        return sp < 0
            ? new LinkParts(string.Empty, line, " ")
            : new LinkParts(string.Empty, line[..sp], " " + line[(sp + 1)..] + " ");
    }

    /// <summary>Python's <c>unicode.strip()</c>.</summary>
    public static string PyStrip(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && TextWrap.IsPythonSpace(s[a]))
        {
            a++;
        }

        while (b > a && TextWrap.IsPythonSpace(s[b - 1]))
        {
            b--;
        }

        return s[a..b];
    }

    // End of "proto://" + non-space run (ASCII \s), shortened until it does not end in '.' or ')'; 0 if none.
    private static int UrlAt(string s, int start)
    {
        foreach (var protocol in Protocols)
        {
            if (string.CompareOrdinal(s, start, protocol, 0, protocol.Length) != 0
                || string.CompareOrdinal(s, start + protocol.Length, "//", 0, 2) != 0)
            {
                continue;
            }

            var body = start + protocol.Length + 2;
            var end = body;
            while (end < s.Length && s[end] is not (' ' or '\t' or '\n' or '\r' or '\f' or '\v'))
            {
                end++;
            }

            while (end > body && s[end - 1] is '.' or ')')
            {
                end--;
            }

            if (end > body)
            {
                return end;
            }
        }

        return 0;
    }
}
