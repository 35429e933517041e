using System.Globalization;
using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Builds <see cref="LogLine"/>s from log text that another format embeds (.log.html lines, moin's full log), with the
/// same line rules and clock as the <c>.log.txt</c> reader, so that every format replays the same lines.
/// </summary>
internal sealed class LogLineCollector(DateOnly date)
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nicks =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly MeetingClock _clock = new(date);

    public List<LogLine> Lines { get; } = [];

    /// <summary>Numbers of the lines that did not read as log lines.</summary>
    public List<int> Unreadable { get; } = [];

    public int WithSeconds { get; private set; }

    public int WithoutSeconds { get; private set; }

    private int Untimed { get; set; }

    /// <summary>The clock warnings the <c>.log.txt</c> reader gives, in its words: steps back in time, lines without a time.</summary>
    public void AddClockWarnings(List<string> warnings)
    {
        if (_clock.StepsBack > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{_clock.StepsBack} line(s) go back in time by less than half a day: kept on the same day, not read as midnight"));
        }

        if (Untimed > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{Untimed} line(s) carry no time and were given the time of the line before"));
        }
    }

    /// <summary>Reads <c>time &lt;nick&gt; text</c> or <c>time * nick text</c>; null (and noted) when it does not read.</summary>
    public LogLine? Add(int number, ReadOnlySpan<char> raw)
    {
        if (!LogLineScanner.TryScan(raw, out var line))
        {
            // Not MeetBot's own markup (e.g. an old Matrix template with indented spans): try the collapsed text.
            var collapsed = MinutesText.Collapse(raw);
            if (!LogLineScanner.TryScan(collapsed.AsSpan(), out line))
            {
                Unreadable.Add(number);
                return null;
            }
        }

        return Add(number, line.Seconds, line.HasSeconds, line.Date, line.Nick, line.Text, line.IsEmote);
    }

    public LogLine Add(int number, int seconds, bool hasSeconds, DateOnly? ownDate, ReadOnlySpan<char> nick, ReadOnlySpan<char> text, bool isEmote)
    {
        if (seconds >= 0)
        {
            _ = hasSeconds ? WithSeconds++ : WithoutSeconds++;
        }
        else
        {
            Untimed++;
        }

        if (!_nicks.TryGetValue(nick, out var interned))
        {
            interned = nick.ToString();
            _nicks[nick] = interned;
        }

        var logLine = new LogLine(number, _clock.Next(seconds, ownDate), interned, text.ToString(), isEmote);
        Lines.Add(logLine);
        return logLine;
    }
}
