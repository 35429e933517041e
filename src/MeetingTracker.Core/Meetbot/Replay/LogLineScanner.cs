using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>One line of a text log, as spans into the line (no allocation).</summary>
internal ref struct ScannedLine
{
    /// <summary>Seconds since midnight, or -1 when the line carries no time.</summary>
    public int Seconds;

    /// <summary>False for meetingology's <c>HH:MM</c> stamps.</summary>
    public bool HasSeconds;

    /// <summary>The Matrix bot's own date, when the line has one.</summary>
    public DateOnly? Date;

    public ReadOnlySpan<char> Nick;

    public ReadOnlySpan<char> Text;

    public bool IsEmote;
}

/// <summary>
/// Hand-written equivalents of MeetBot's replay regexes (meeting.py), which every line MeetBot writes matches:
/// <c>\[?([0-9: ]*)\]? *&lt;[@+]?([^&gt;]+)&gt; *(.*)</c> and <c>\[?([0-9: ]*)\]? *\* *([^ ]+) *(.*)</c>, plus the
/// Matrix bot's <c>YYYY-MM-DD HH:MM:SS &lt;@mxid&gt; text</c>. No backtracking, no allocation.
/// </summary>
internal static class LogLineScanner
{
    public static bool TryScan(ReadOnlySpan<char> s, out ScannedLine line)
    {
        line = default;
        return TryScanMatrix(s, ref line) || TryScanClassic(s, ref line);
    }

    private static bool TryScanClassic(ReadOnlySpan<char> s, ref ScannedLine line)
    {
        var i = s.Length > 0 && s[0] == '[' ? 1 : 0;
        var timeStart = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is ':' or ' '))
        {
            i++;
        }

        var time = s[timeStart..i].Trim(' ');
        if (i < s.Length && s[i] == ']')
        {
            i++;
        }

        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] == '<')
        {
            var rest = s[(i + 1)..];
            var close = rest.IndexOf('>');
            if (close > 1 && rest[0] is '@' or '+' or '%' or '&' or '~')
            {
                rest = rest[1..];
                close--;
            }

            if (close < 1)
            {
                return false;
            }

            line.Nick = rest[..close].Trim();
            line.Text = rest[(close + 1)..].Trim();
        }
        else if (s[i] == '*')
        {
            var rest = s[(i + 1)..].TrimStart(' ');
            var space = rest.IndexOf(' ');
            var nickLength = space < 0 ? rest.Length : space;
            if (nickLength == 0)
            {
                return false;
            }

            line.Nick = rest[..nickLength].Trim();
            line.Text = rest[nickLength..].Trim();
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
    private static bool TryScanMatrix(ReadOnlySpan<char> s, ref ScannedLine line)
    {
        if (s.Length < 22 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[19] != ' ' || s[20] != '<'
            || !DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        var seconds = ParseTime(s[11..19], out var hasSeconds);
        var rest = s[21..];
        var close = rest.IndexOf('>');
        if (seconds < 0 || !hasSeconds || close < 1)
        {
            return false;
        }

        line.Date = date;
        line.Seconds = seconds;
        line.HasSeconds = true;
        line.Nick = rest[..close].Trim();
        line.Text = rest[(close + 1)..].Trim();
        return !line.Nick.IsEmpty;
    }

    /// <summary>Python's <c>strptime</c> with <c>%H:%M:%S</c>, then <c>%H:%M</c>: 1-2 digits per field; -1 when neither fits.</summary>
    internal static int ParseTime(ReadOnlySpan<char> time, out bool hasSeconds)
    {
        hasSeconds = false;
        var pos = 0;
        var hours = Field(time, ref pos, 23);
        if (hours < 0 || pos >= time.Length || time[pos++] != ':')
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
            if (time[pos++] != ':' || (seconds = Field(time, ref pos, 61)) < 0 || pos != time.Length)
            {
                return -1;
            }

            hasSeconds = true;
        }

        return (hours * 3600) + (minutes * 60) + Math.Min(seconds, 59);
    }

    private static int Field(ReadOnlySpan<char> s, ref int pos, int max)
    {
        var value = 0;
        var digits = 0;
        while (pos < s.Length && digits < 2 && char.IsAsciiDigit(s[pos]))
        {
            value = (value * 10) + (s[pos++] - '0');
            digits++;
        }

        return digits == 0 || value > max ? -1 : value;
    }
}
