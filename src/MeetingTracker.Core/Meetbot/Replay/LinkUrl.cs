namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>Which URL a LINK item links, and whether a plain message is a bare link, as MeetBot decides.</summary>
internal static class LinkUrl
{
    private static readonly string[] Protocols = ["http:", "https:", "irc:", "ftp:", "mailto:", "ssh:"];

    /// <summary>
    /// MeetBot's auto-detection: <c>line.split('//')[0] in UrlProtocols</c>, i.e. the text before the first
    /// <c>//</c> is exactly a protocol, so only lines that start with a URL become LINK items.
    /// </summary>
    public static bool IsBareLink(string text)
    {
        // Only a text that starts with a protocol can pass, so no search through the line is needed.
        if (text.Length < 4 || text[0] is not ('h' or 'i' or 'f' or 'm' or 's'))
        {
            return false;
        }

        foreach (var protocol in Protocols)
        {
            if (text.StartsWith(protocol, StringComparison.Ordinal)
                && (text.Length == protocol.Length || text.AsSpan(protocol.Length).StartsWith("//", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 0.1.4 and meetingology take the first space-separated token, whatever it is (<c>#link Board: https://…</c>
    /// links <c>Board:</c>). rkdarst HEAD and OpenStack find the first <c>proto://…</c> anywhere, without a trailing
    /// <c>.</c> or <c>)</c>, and fall back to the first token.
    /// </summary>
    public static string Find(string text, MeetbotDialect dialect)
    {
        if (dialect is MeetbotDialect.MeetbotLater or MeetbotDialect.OpenStack or MeetbotDialect.Matrix
            && FindAnywhere(text) is { } url)
        {
            return url;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[..space];
    }

    // The hand-written equivalent of (.*?)((?:http:|…)//[^\s]+(?<!\.|\)))(.*) with Python 2's ASCII \s.
    private static string? FindAnywhere(string text)
    {
        for (var i = text.IndexOf("//", StringComparison.Ordinal); i >= 0; i = text.IndexOf("//", i + 1, StringComparison.Ordinal))
        {
            foreach (var protocol in Protocols)
            {
                var start = i - protocol.Length;
                if (start < 0 || !text.AsSpan(start, protocol.Length).SequenceEqual(protocol))
                {
                    continue;
                }

                var bodyStart = i + 2;
                var end = bodyStart;
                while (end < text.Length && !IsPythonSpace(text[end]))
                {
                    end++;
                }

                while (end > bodyStart && text[end - 1] is '.' or ')')
                {
                    end--;
                }

                if (end > bodyStart)
                {
                    return text[start..end];
                }
            }
        }

        return null;
    }

    private static bool IsPythonSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';
}
