using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MeetingTracker.Core.Meetbot;

/// <summary>Decoding and cleaning of IRC text as meetbots store it.</summary>
public static class IrcText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f");

    /// <summary>
    /// Decodes bytes as UTF-8; where the bytes are not valid UTF-8, each offending line (split on <c>\n</c>)
    /// is decoded as Windows-1252 instead, as IRC clients of every era mixed both. A UTF-8 BOM is dropped.
    /// </summary>
    /// <param name="fellBack">True when at least one line needed the fallback.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool fellBack)
    {
        fellBack = false;
        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            bytes = bytes[3..];
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        fellBack = true;
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var nl = bytes.IndexOf((byte)'\n');
            var line = nl < 0 ? bytes : bytes[..(nl + 1)];
            sb.Append(Utf8.IsValid(line) ? StrictUtf8.GetString(line) : Windows1252.GetString(line));
            bytes = nl < 0 ? [] : bytes[(nl + 1)..];
        }

        return sb.ToString();
    }

    /// <summary>
    /// Removes IRC formatting for display and search: bold, colour (with its <c>fg,bg</c> digits), reset,
    /// italic, underline, reverse, strike, monospace, and any other C0 control except tab.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(ControlChars) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\x03')
            {
                i = SkipColourDigits(text, i);
                continue;
            }

            if (!ControlChars.Contains(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    // \x03 may be followed by 1-2 digits (foreground) and optionally ",", 1-2 digits (background).
    private static int SkipColourDigits(string text, int i)
    {
        var j = i + 1;
        var fg = CountDigits(text, j);
        if (fg == 0)
        {
            return i;
        }

        j += fg;
        if (j < text.Length - 1 && text[j] == ',' && CountDigits(text, j + 1) > 0)
        {
            j += 1 + CountDigits(text, j + 1);
        }

        return j - 1;
    }

    private static int CountDigits(string text, int start)
    {
        var n = 0;
        while (n < 2 && start + n < text.Length && char.IsAsciiDigit(text[start + n]))
        {
            n++;
        }

        return n;
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
