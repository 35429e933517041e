namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// meetingology's meeting information line: <c> * #chan: title, started by nick, 02 Jan at 14:00 &amp;mdash; 14:03 UTC.</c>
/// (<c>#chan meeting</c> when there is no title; early versions leave out "started by"). Read from the end, since
/// titles may contain commas.
/// </summary>
internal static class MoinInformation
{
    private const string Dash = " &mdash; ";
    private const string StartedBy = ", started by ";

    public static bool TryParse(string line, out (string? Channel, string? PageTitle, string? StartedBy, string Start, string End) info)
    {
        info = default;
        var t = line.Trim().TrimStart('*').Trim().TrimEnd('.');
        if (!t.EndsWith(" UTC", StringComparison.Ordinal))
        {
            return false;
        }

        t = t[..^4];
        var dash = t.LastIndexOf(Dash, StringComparison.Ordinal);
        // Search before the dash (and before " at "): LastIndexOf(value, startIndex) may return a match that runs past it.
        var at = dash < 0 ? -1 : t.AsSpan(0, dash).LastIndexOf(" at ", StringComparison.Ordinal);
        var comma = at < 0 ? -1 : t.AsSpan(0, at).LastIndexOf(", ", StringComparison.Ordinal);
        if (comma < 0)
        {
            return false;
        }

        var start = t[(at + 4)..dash];
        var end = t[(dash + Dash.Length)..];
        if (!DayClock.TryParseTime(start, out _) || !DayClock.TryParseTime(end, out _))
        {
            return false;
        }

        var head = t[..comma];
        string? nick = null;
        var by = head.LastIndexOf(StartedBy, StringComparison.Ordinal);
        if (by >= 0)
        {
            nick = head[(by + StartedBy.Length)..].Trim();
            head = head[..by];
        }

        var colon = head.IndexOf(": ", StringComparison.Ordinal);
        info = colon > 0 && head.IndexOf(' ', StringComparison.Ordinal) > colon
            ? (null, head, nick, start, end)
            : (head.EndsWith(" meeting", StringComparison.OrdinalIgnoreCase) ? head[..^8] : head, null, nick, start, end);
        return true;
    }
}
