using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Reads a <c>.log.txt</c>: decodes it (UTF-8, per-line Windows-1252 fallback), scans each line with MeetBot's own
/// tolerant line rules, dates the times from the file name (rolling over at midnight), then replays the meeting.
/// </summary>
public static class LogTxtReader
{
    private const int MaxListedLines = 5;
    private static readonly DateOnly NoDate = new(1970, 1, 1);

    public static ParsedMeeting Read(ReadOnlySpan<byte> bytes, MeetingFileName? name)
    {
        var warnings = new List<string>();
        var text = IrcText.Decode(bytes, out var fellBack);
        if (fellBack)
        {
            warnings.Add("some lines are not valid UTF-8 and were decoded as Windows-1252");
        }

        if (name is null)
        {
            warnings.Add("the file name carries no date: times are dated 1970-01-01");
        }

        var result = Scan(text, name?.Date ?? NoDate, warnings);
        if (result.Lines.Count == 0)
        {
            throw new MeetbotFormatException("no meetbot log lines found");
        }

        var context = new ReplayContext(MeetbotFormat.LogTxt, name, result.Hint) { Warnings = warnings };
        return LogReplay.Replay(result.Lines, context);
    }

    private static (List<LogLine> Lines, MeetbotDialect Hint) Scan(string text, DateOnly date, List<string> warnings)
    {
        var lines = new List<LogLine>(Math.Max(16, text.Length / 64));
        var nicks = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var clock = new MeetingClock(date);
        var foreign = new List<int>();
        int physical = 0, withSeconds = 0, withoutSeconds = 0, untimed = 0, dated = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            physical++;
            var raw = text.AsSpan(range).TrimEnd('\r');
            if (raw.IsWhiteSpace())
            {
                continue;
            }

            if (!LogLineScanner.TryScan(raw, out var scanned))
            {
                foreign.Add(physical);
                continue;
            }

            if (scanned.Seconds < 0)
            {
                untimed++;
            }
            else if (scanned.HasSeconds)
            {
                withSeconds++;
            }
            else
            {
                withoutSeconds++;
            }

            dated += scanned.Date is null ? 0 : 1;
            var nick = Intern(nicks, scanned.Nick);
            lines.Add(new LogLine(lines.Count + 1, clock.Next(scanned.Seconds, scanned.Date), nick, scanned.Text.ToString(), scanned.IsEmote));
        }

        if (foreign.Count > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{foreign.Count} line(s) are not MeetBot log lines and were skipped (file line {string.Join(", ", foreign.Take(MaxListedLines))}{(foreign.Count > MaxListedLines ? ", …" : string.Empty)})"));
        }

        if (untimed > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{untimed} line(s) carry no time and were given the time of the line before"));
        }

        var hint = dated > 0 ? MeetbotDialect.Matrix
            : withoutSeconds > withSeconds ? MeetbotDialect.Meetingology
            : MeetbotDialect.Unknown;
        return (lines, hint);
    }

    private static string Intern(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> nicks, ReadOnlySpan<char> nick)
    {
        if (!nicks.TryGetValue(nick, out var interned))
        {
            interned = nick.ToString();
            nicks[nick] = interned;
        }

        return interned;
    }
}
