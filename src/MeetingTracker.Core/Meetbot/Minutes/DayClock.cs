using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Turns the times of day a meetbot file prints into UTC instants: the date comes from the file name, and a day is
/// added each time the clock goes backwards (a meeting across midnight).
/// </summary>
/// <param name="tolerance">How far back the clock may go without meaning midnight: minutes mix <c>HH:MM:SS</c>
/// starts with meetingology's <c>HH:MM</c> item times, so 19:01 after 19:01:31 is the same minute.</param>
internal sealed class DayClock(DateOnly date, TimeSpan tolerance)
{
    private TimeSpan? _last;
    private int _days;

    public DateTimeOffset At(TimeSpan timeOfDay)
    {
        if (_last is { } last && timeOfDay + tolerance <= last && !(tolerance == TimeSpan.Zero && timeOfDay == last))
        {
            _days++;
        }

        _last = timeOfDay;
        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(_days).Add(timeOfDay);
    }

    /// <summary>The last instant handed out, or midnight of the date when none yet.</summary>
    public DateTimeOffset Current => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(_days).Add(_last ?? TimeSpan.Zero);

    /// <summary>Parses <c>HH:MM</c> or <c>HH:MM:SS</c> (surrounding spaces and MeetBot's <c>[ ]</c> tolerated).</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out TimeSpan time)
    {
        text = text.Trim().Trim("[]").Trim();
        time = default;
        if (text.Length is not (5 or 8) || text[2] != ':' || (text.Length == 8 && text[5] != ':'))
        {
            return false;
        }

        if (!int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return false;
        }

        var s = 0;
        if (text.Length == 8 && !int.TryParse(text[6..8], NumberStyles.None, CultureInfo.InvariantCulture, out s))
        {
            return false;
        }

        if (h > 23 || m > 59 || s > 59)
        {
            return false;
        }

        time = new TimeSpan(h, m, s);
        return true;
    }
}
