using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Reads a <c>.log.txt</c>: scans each line with MeetBot's own tolerant line rules, decodes what it keeps (UTF-8, or
/// Windows-1252 for a line that is not valid UTF-8, as <see cref="IrcText.Decode"/> does), dates the times from the
/// file name (rolling over at midnight), then replays the meeting. Lines are scanned as bytes and only nick and
/// text are decoded: the reader must keep up with merely splitting the file into lines.
/// </summary>
public static class LogTxtReader
{
    private const int MaxListedLines = 5;

    public static ParsedMeeting Read(ReadOnlySpan<byte> bytes, MeetingFileName? name)
    {
        var warnings = new List<string>();
        if (name is null)
        {
            warnings.Add(MeetingFileName.NoDateWarning);
        }

        var body = bytes.StartsWith("\xEF\xBB\xBF"u8) ? bytes[3..] : bytes;
        var scan = new Scanner(name?.Date ?? MeetingFileName.UnknownDate, body.Count((byte)'\n') + 1);
        scan.All(body);
        scan.AddWarnings(warnings);
        if (scan.Lines.Count == 0)
        {
            throw new MeetbotFormatException("no meetbot log lines found");
        }

        var context = new ReplayContext(MeetbotFormat.LogTxt, name, scan.Hint) { Warnings = warnings };
        return LogReplay.Replay(scan.Lines, context);
    }

    private sealed class Scanner(DateOnly date, int physicalLines)
    {
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> nicks =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly MeetingClock clock = new(date);
        private readonly List<int> foreign = [];
        private int physical, withSeconds, withoutSeconds, untimed, dated;
        private bool fellBack;
        private char[] chars = [];
        private string? lastNick;

        public List<LogLine> Lines { get; } = new(physicalLines);

        public MeetbotDialect Hint => dated > 0 ? MeetbotDialect.Matrix
            : withoutSeconds > withSeconds ? MeetbotDialect.Meetingology
            : MeetbotDialect.Unknown;

        public void All(ReadOnlySpan<byte> bytes)
        {
            // Almost every file is valid UTF-8: one vectorised transcoding pass, then lines are cut from the
            // characters, as the baseline does. Only a file with an invalid byte goes line by line.
            var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
            try
            {
                if (Utf8.ToUtf16(bytes, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
                {
                    Utf16Lines(buffer.AsSpan(0, written));
                    return;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }

            ByteLines(bytes);
        }

        private void Utf16Lines(ReadOnlySpan<char> chars)
        {
            while (!chars.IsEmpty)
            {
                var newline = chars.IndexOf('\n');
                var raw = newline < 0 ? chars : chars[..newline];
                chars = newline < 0 ? [] : chars[(newline + 1)..];
                physical++;
                if (!raw.IsEmpty && raw[^1] == '\r')
                {
                    raw = raw[..^1];
                }

                if (!LogLineScanner.TryScan(raw, out var line))
                {
                    // The same blank test as the byte path below.
                    Skip(raw.Trim(" \t\v\f").IsEmpty);
                    continue;
                }

                Add(line.Seconds, line.HasSeconds, line.Date, Intern(line.Nick), TrimUnicode(line.Text), line.IsEmote);
            }
        }

        private void ByteLines(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                var newline = bytes.IndexOf((byte)'\n');
                var raw = newline < 0 ? bytes : bytes[..newline];
                bytes = newline < 0 ? [] : bytes[(newline + 1)..];
                physical++;
                if (!raw.IsEmpty && raw[^1] == '\r')
                {
                    raw = raw[..^1];
                }

                if (!Utf8Line(raw))
                {
                    // The rare line that is not UTF-8: decode it whole (Windows-1252) and scan the characters.
                    fellBack = true;
                    CharLine(IrcText.Decode(raw, out _));
                }
            }
        }

        public void AddWarnings(List<string> warnings)
        {
            if (fellBack)
            {
                warnings.Add("some lines are not valid UTF-8 and were decoded as Windows-1252");
            }

            if (foreign.Count > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{foreign.Count} line(s) are not MeetBot log lines and were skipped (file line {string.Join(", ", foreign.Take(MaxListedLines))}{(foreign.Count > MaxListedLines ? ", …" : string.Empty)})"));
            }

            if (clock.StepsBack > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{clock.StepsBack} line(s) go back in time by less than half a day: kept on the same day, not read as midnight"));
            }

            if (untimed > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{untimed} line(s) carry no time and were given the time of the line before"));
            }
        }

        // False when the nick or text is not valid UTF-8 (the only bytes that are not ASCII delimiters or digits).
        private bool Utf8Line(ReadOnlySpan<byte> raw)
        {
            if (!LogLineScanner.TryScan(raw, out var line))
            {
                if (!Utf8.IsValid(raw))
                {
                    return false;
                }

                Skip(raw.Trim(" \t\v\f"u8).IsEmpty);
                return true;
            }

            // The buffer is reused: the nick is interned before the text is decoded.
            if (!TryDecode(line.Nick, out var nick))
            {
                return false;
            }

            var interned = Intern(nick);
            if (!TryDecode(line.Text, out var text))
            {
                return false;
            }

            Add(line.Seconds, line.HasSeconds, line.Date, interned, TrimUnicode(new string(text)), line.IsEmote);
            return true;
        }

        // One transcoding pass into a reused buffer; fails on invalid UTF-8 instead of replacing it.
        private bool TryDecode(ReadOnlySpan<byte> utf8, out ReadOnlySpan<char> decoded)
        {
            if (chars.Length < utf8.Length)
            {
                chars = new char[Math.Max(utf8.Length, Math.Max(512, chars.Length * 2))];
            }

            var status = Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false);
            decoded = chars.AsSpan(0, written);
            return status == OperationStatus.Done;
        }

        private void CharLine(string raw)
        {
            if (!LogLineScanner.TryScan(raw.AsSpan(), out var line))
            {
                Skip(raw.AsSpan().IsWhiteSpace());
                return;
            }

            Add(line.Seconds, line.HasSeconds, line.Date, Intern(line.Nick), TrimUnicode(line.Text.ToString()), line.IsEmote);
        }

        private void Skip(bool blank)
        {
            if (!blank)
            {
                foreign.Add(physical);
            }
        }

        private void Add(int seconds, bool hasSeconds, DateOnly? lineDate, string nick, string text, bool emote)
        {
            if (seconds < 0)
            {
                untimed++;
            }
            else if (hasSeconds)
            {
                withSeconds++;
            }
            else
            {
                withoutSeconds++;
            }

            dated += lineDate is null ? 0 : 1;
            Lines.Add(new LogLine(Lines.Count + 1, clock.Next(seconds, lineDate), nick, text, emote));
        }

        private string Intern(ReadOnlySpan<char> nick)
        {
            // A speaker often says several lines in a row: one comparison instead of hashing.
            if (lastNick is not null && nick.SequenceEqual(lastNick))
            {
                return lastNick;
            }

            if (!nicks.TryGetValue(nick, out var interned))
            {
                interned = nick.ToString();
                nicks[nick] = interned;
            }

            lastNick = interned;
            return interned;
        }

        // The scanner strips ASCII whitespace; Python's strip() also drops other Unicode whitespace.
        private static string TrimUnicode(string text) =>
            text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? text.Trim() : text;

        private static string TrimUnicode(ReadOnlySpan<char> text) =>
            text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? text.Trim().ToString() : new string(text);
    }
}
