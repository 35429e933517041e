using System.Text;

namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// Python's <c>textwrap.TextWrapper.fill</c> as MeetBot configures it: words split on runs of whitespace
/// (<c>wordsep_re = (\s+)</c>, compiled with <c>re.UNICODE</c> for unicode text), <c>break_long_words=False</c>,
/// tabs expanded to 8 columns, other ASCII whitespace replaced by spaces, whitespace dropped at line ends and at the
/// start of continuation lines. Widths count code points, as Python's <c>len</c> on a (wide-build) unicode string.
/// </summary>
public static class TextWrap
{
    /// <summary>Wraps <paramref name="text"/> and joins the lines with <c>\n</c> (Python's <c>fill</c>).</summary>
    public static string Fill(string text, int width = 72, string initialIndent = "", string subsequentIndent = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(initialIndent);
        ArgumentNullException.ThrowIfNull(subsequentIndent);
        var sb = new StringBuilder(text.Length + 16);
        AppendFill(sb, text, width, initialIndent, subsequentIndent);
        return sb.ToString();
    }

    /// <summary>Appends what <see cref="Fill"/> returns, without an intermediate string.</summary>
    public static void AppendFill(StringBuilder sb, string text, int width, string initialIndent, string subsequentIndent)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(text);
        var munged = Munge(text);
        var chunks = Split(munged);
        var i = 0;
        var firstLine = true;
        while (i < chunks.Count)
        {
            var indent = firstLine ? initialIndent : subsequentIndent;
            var room = width - CodePoints(indent);
            if (!firstLine && chunks[i].IsSpace)
            {
                i++;
                if (i == chunks.Count)
                {
                    break;
                }
            }

            var start = i;
            var used = 0;
            while (i < chunks.Count && used + chunks[i].Length <= room)
            {
                used += chunks[i].Length;
                i++;
            }

            // break_long_words=False: a word longer than the line goes alone on an empty line.
            if (i == start && i < chunks.Count && chunks[i].Length > room)
            {
                i++;
            }

            var end = i;
            if (end > start && chunks[end - 1].IsSpace)
            {
                end--;
            }

            if (end > start)
            {
                if (!firstLine)
                {
                    sb.Append('\n');
                }

                sb.Append(indent);
                for (var k = start; k < end; k++)
                {
                    sb.Append(munged, chunks[k].Start, chunks[k].Chars);
                }

                firstLine = false;
            }
        }
    }

    /// <summary>Python 2.7's <c>unicode.isspace</c> (Unicode 5.2): also the C0 separators 0x1C-0x1F and U+180E.</summary>
    public static bool IsPythonSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\x1c' and <= ' ' => true,
        '\x85' or '\xa0' or '\u1680' or '\u180e' => true,
        >= '\u2000' and <= '\u200a' => true,
        '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        _ => false,
    };

    /// <summary>Length in code points (a surrogate pair counts once).</summary>
    public static int CodePoints(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return CodePoints(s.AsSpan());
    }

    private static int CodePoints(ReadOnlySpan<char> s)
    {
        var n = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c))
            {
                n--;
            }
        }

        return n;
    }

    // expand_tabs (tab stops every 8 columns, reset after \n and \r) then replace_whitespace for \t\n\v\f\r.
    private static string Munge(string text)
    {
        if (text.AsSpan().IndexOfAny("\t\n\v\f\r") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        var column = 0;
        foreach (var c in text)
        {
            if (c == '\t')
            {
                var spaces = 8 - (column % 8);
                sb.Append(' ', spaces);
                column += spaces;
                continue;
            }

            sb.Append(c is '\n' or '\v' or '\f' or '\r' ? ' ' : c);
            column = c is '\n' or '\r' ? 0 : column + (char.IsLowSurrogate(c) ? 0 : 1);
        }

        return sb.ToString();
    }

    private static List<Chunk> Split(string text)
    {
        var chunks = new List<Chunk>();
        var i = 0;
        while (i < text.Length)
        {
            var space = IsPythonSpace(text[i]);
            var j = i + 1;
            while (j < text.Length && IsPythonSpace(text[j]) == space)
            {
                j++;
            }

            chunks.Add(new Chunk(i, j - i, CodePoints(text.AsSpan(i, j - i)), space));
            i = j;
        }

        return chunks;
    }

    private readonly record struct Chunk(int Start, int Chars, int Length, bool IsSpace);
}
