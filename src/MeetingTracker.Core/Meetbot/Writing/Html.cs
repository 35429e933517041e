using System.Text;

namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>MeetBot's <c>writers.html()</c>: escapes only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> (quotes stay as they are).</summary>
internal static class Html
{
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAny('&', '<', '>');
            if (i < 0)
            {
                sb.Append(text);
                return;
            }

            sb.Append(text[..i]).Append(text[i] switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" });
            text = text[(i + 1)..];
        }
    }

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text);
        return sb.ToString();
    }
}
