using System.Numerics;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>One line of a text log, as spans into the line (no allocation). <typeparamref name="T"/> is byte (UTF-8) or char.</summary>
internal ref struct ScannedLine<T>
    where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>Seconds since midnight, or -1 when the line carries no time.</summary>
    public int Seconds;

    /// <summary>False for meetingology's <c>HH:MM</c> stamps.</summary>
    public bool HasSeconds;

    /// <summary>The Matrix bot's own date, when the line has one.</summary>
    public DateOnly? Date;

    public ReadOnlySpan<T> Nick;

    public ReadOnlySpan<T> Text;

    public bool IsEmote;
}

/// <summary>
/// Hand-written equivalents of MeetBot's replay regexes (meeting.py), which every line MeetBot writes matches:
/// <c>\[?([0-9: ]*)\]? *&lt;[@+]?([^&gt;]+)&gt; *(.*)</c> and <c>\[?([0-9: ]*)\]? *\* *([^ ]+) *(.*)</c>, plus the
/// Matrix bot's <c>YYYY-MM-DD HH:MM:SS &lt;@mxid&gt; text</c>. No backtracking, no allocation; generic so that
/// UTF-8 bytes are scanned before anything is decoded (all delimiters are ASCII).
/// </summary>
internal static class LogLineScanner
{
    public static bool TryScan<T>(ReadOnlySpan<T> s, out ScannedLine<T> line)
        where T : unmanaged, IBinaryInteger<T>
    {
        line = default;
        return TryScanMatrix(s, ref line) || TryScanClassic(s, ref line);
    }

    private static bool TryScanClassic<T>(ReadOnlySpan<T> s, ref ScannedLine<T> line)
        where T : unmanaged, IBinaryInteger<T>
    {
        var i = s.Length > 0 && Is(s[0], '[') ? 1 : 0;
        var timeStart = i;
        while (i < s.Length && (IsDigit(s[i]) || Is(s[i], ':') || Is(s[i], ' ')))
        {
            i++;
        }

        var time = TrimSpaces(s[timeStart..i]);
        if (i < s.Length && Is(s[i], ']'))
        {
            i++;
        }

        while (i < s.Length && Is(s[i], ' '))
        {
            i++;
        }

        if (i >= s.Length)
        {
            return false;
        }

        if (Is(s[i], '<'))
        {
            var rest = s[(i + 1)..];
            var close = rest.IndexOf(T.CreateTruncating('>'));
            if (close > 1 && (Is(rest[0], '@') || Is(rest[0], '+') || Is(rest[0], '%') || Is(rest[0], '&') || Is(rest[0], '~')))
            {
                rest = rest[1..];
                close--;
            }

            if (close < 1)
            {
                return false;
            }

            line.Nick = Trim(rest[..close]);
            line.Text = Trim(rest[(close + 1)..]);
        }
        else if (Is(s[i], '*'))
        {
            var rest = s[(i + 1)..];
            var start = 0;
            while (start < rest.Length && Is(rest[start], ' '))
            {
                start++;
            }

            rest = rest[start..];
            var space = rest.IndexOf(T.CreateTruncating(' '));
            var nickLength = space < 0 ? rest.Length : space;
            if (nickLength == 0)
            {
                return false;
            }

            line.Nick = Trim(rest[..nickLength]);
            line.Text = Trim(rest[nickLength..]);
            line.IsEmote = true;
        }
        else
        {
            return false;
        }

        if (line.Nick.IsEmpty)
        {
            return false;
        }

        line.Seconds = ParseTime(time, out line.HasSeconds);
        return true;
    }

    // "2024-01-08 16:01:02 <@user:server> text"
    private static bool TryScanMatrix<T>(ReadOnlySpan<T> s, ref ScannedLine<T> line)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (s.Length < 22 || !Is(s[4], '-') || !Is(s[7], '-') || !Is(s[10], ' ') || !Is(s[19], ' ') || !Is(s[20], '<'))
        {
            return false;
        }

        int year = Digits(s[..4]), month = Digits(s[5..7]), day = Digits(s[8..10]);
        var seconds = ParseTime(s[11..19], out var hasSeconds);
        var rest = s[21..];
        var close = rest.IndexOf(T.CreateTruncating('>'));
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || seconds < 0 || !hasSeconds || close < 1)
        {
            return false;
        }

        line.Date = new DateOnly(year, month, day);
        line.Seconds = seconds;
        line.HasSeconds = true;
        line.Nick = Trim(rest[..close]);
        line.Text = Trim(rest[(close + 1)..]);
        return !line.Nick.IsEmpty;
    }

    /// <summary>Python's <c>strptime</c> with <c>%H:%M:%S</c>, then <c>%H:%M</c>: 1-2 digits per field; -1 when neither fits.</summary>
    internal static int ParseTime<T>(ReadOnlySpan<T> time, out bool hasSeconds)
        where T : unmanaged, IBinaryInteger<T>
    {
        hasSeconds = false;
        var pos = 0;
        var hours = Field(time, ref pos, 23);
        if (hours < 0 || pos >= time.Length || !Is(time[pos++], ':'))
        {
            return -1;
        }

        var minutes = Field(time, ref pos, 59);
        if (minutes < 0)
        {
            return -1;
        }

        var seconds = 0;
        if (pos < time.Length)
        {
            if (!Is(time[pos++], ':') || (seconds = Field(time, ref pos, 61)) < 0 || pos != time.Length)
            {
                return -1;
            }

            hasSeconds = true;
        }

        return (hours * 3600) + (minutes * 60) + Math.Min(seconds, 59);
    }

    private static int Field<T>(ReadOnlySpan<T> s, ref int pos, int max)
        where T : unmanaged, IBinaryInteger<T>
    {
        var start = pos;
        var value = Number(s, ref pos, 2);
        return pos == start || value > max ? -1 : value;
    }

    // Up to maxDigits ASCII digits from pos; -1 when there is none.
    private static int Number<T>(ReadOnlySpan<T> s, ref int pos, int maxDigits)
        where T : unmanaged, IBinaryInteger<T>
    {
        var value = 0;
        var digits = 0;
        while (pos < s.Length && digits < maxDigits && IsDigit(s[pos]))
        {
            value = (value * 10) + int.CreateTruncating(s[pos++] - T.CreateTruncating('0'));
            digits++;
        }

        return digits == 0 ? -1 : value;
    }

    // All of s as a decimal number; -1 unless every element is a digit.
    private static int Digits<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        var pos = 0;
        var value = Number(s, ref pos, s.Length);
        return pos == s.Length ? value : -1;
    }

    private static ReadOnlySpan<T> TrimSpaces<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = 0, end = s.Length;
        while (start < end && Is(s[start], ' '))
        {
            start++;
        }

        while (end > start && Is(s[end - 1], ' '))
        {
            end--;
        }

        return s[start..end];
    }

    // Python's strip() for the ASCII whitespace; the reader trims other Unicode whitespace after decoding.
    private static ReadOnlySpan<T> Trim<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = 0, end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool Is<T>(T c, char ascii)
        where T : unmanaged, IBinaryInteger<T> => c == T.CreateTruncating(ascii);

    private static bool IsDigit<T>(T c)
        where T : unmanaged, IBinaryInteger<T> => c >= T.CreateTruncating('0') && c <= T.CreateTruncating('9');

    private static bool IsSpace<T>(T c)
        where T : unmanaged, IBinaryInteger<T> => Is(c, ' ') || (c >= T.CreateTruncating('\t') && c <= T.CreateTruncating('\r'));
}
