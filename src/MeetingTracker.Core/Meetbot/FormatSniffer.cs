using System.Text;

namespace MeetingTracker.Core.Meetbot;

/// <summary>Guesses the format of a file whose extension does not say (e.g. a bare <c>.log</c> or no extension).</summary>
internal static class FormatSniffer
{
    public static MeetbotFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 8192)]);
        var trimmed = head.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            return head.Contains("name=\"l-1\"", StringComparison.Ordinal) || head.Contains("id=\"l-1\"", StringComparison.Ordinal)
                ? MeetbotFormat.LogHtml
                : MeetbotFormat.MinutesHtml;
        }

        if (head.Contains("== Meeting information ==", StringComparison.Ordinal))
        {
            return MeetbotFormat.Moin;
        }

        if (head.Contains("Meeting summary\n---", StringComparison.OrdinalIgnoreCase))
        {
            return MeetbotFormat.MinutesTxt;
        }

        return trimmed.Length > 5 && char.IsAsciiDigit(trimmed[0]) && (trimmed.Contains(" <", StringComparison.Ordinal) || trimmed.Contains(" * ", StringComparison.Ordinal))
            ? MeetbotFormat.LogTxt
            : null;
    }
}
