using System.Globalization;
using AngleSharp.Html;

namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>Turns raw HTML text into the text MeetBot escaped: character references decoded (the HTML5 table).</summary>
internal static class HtmlText
{
    private const int MaxEntityName = 32;

    public static string Decode(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOf('&') < 0)
        {
            return raw.ToString();
        }

        var buffer = new CharBuffer(raw.Length);
        AppendDecoded(buffer, raw);
        return buffer.ToString();
    }

    public static void AppendDecoded(CharBuffer sb, ReadOnlySpan<char> raw)
    {
        while (!raw.IsEmpty)
        {
            var amp = raw.IndexOf('&');
            if (amp < 0)
            {
                sb.Append(raw);
                return;
            }

            sb.Append(raw[..amp]);
            raw = raw[amp..];
            var used = AppendReference(sb, raw);
            if (used == 0)
            {
                sb.Append('&');
                used = 1;
            }

            raw = raw[used..];
        }
    }

    // Appends the character reference at raw[0] == '&'; returns the chars it used, 0 when it is not a reference.
    private static int AppendReference(CharBuffer sb, ReadOnlySpan<char> raw)
    {
        if (raw.Length > 2 && raw[1] == '#')
        {
            return AppendNumeric(sb, raw);
        }

        var end = 1;
        while (end < raw.Length && end <= MaxEntityName && char.IsAsciiLetterOrDigit(raw[end])) end++;
        if (end == 1)
        {
            return 0;
        }

        var withSemicolon = end < raw.Length && raw[end] == ';';
        if (withSemicolon && Common(raw[1..end]) is { } common)
        {
            sb.Append(common);
            return end + 1;
        }

        var name = raw[1..(withSemicolon ? end + 1 : end)].ToString();
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(name);
        if (string.IsNullOrEmpty(symbol))
        {
            return 0;
        }

        sb.Append(symbol);
        return withSemicolon ? end + 1 : end;
    }

    // The references MeetBot itself writes (it escapes only & < >), without a table lookup.
    private static char? Common(ReadOnlySpan<char> name) => name switch
    {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => null,
    };

    private static int AppendNumeric(CharBuffer sb, ReadOnlySpan<char> raw)
    {
        var hex = raw[2] is 'x' or 'X';
        var start = hex ? 3 : 2;
        var end = start;
        while (end < raw.Length && end - start < 8 && (hex ? char.IsAsciiHexDigit(raw[end]) : char.IsAsciiDigit(raw[end]))) end++;
        if (end == start)
        {
            return 0;
        }

        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        var ok = int.TryParse(raw[start..end], style, CultureInfo.InvariantCulture, out var code);
        var valid = ok && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);
        sb.Append(valid ? char.ConvertFromUtf32(code) : "\uFFFD");
        return end < raw.Length && raw[end] == ';' ? end + 1 : end;
    }
}
