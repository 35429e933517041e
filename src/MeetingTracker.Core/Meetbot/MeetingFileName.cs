using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot;

/// <summary>
/// The identity a meetbot file carries in its name: <c>&lt;name&gt;.&lt;YYYY-MM-DD-HH.MM&gt;.&lt;ext&gt;</c>
/// (mote also accepts <c>-</c> before the date). All files of one meeting share <see cref="MeetingKey"/>.
/// </summary>
public sealed partial record MeetingFileName(string Name, DateOnly Date, int Hour, int Minute, string Extension)
{
    /// <summary>Readers date a file whose name carries no date on this day, and say so with <see cref="NoDateWarning"/>.</summary>
    public static readonly DateOnly UnknownDate = new(1970, 1, 1);

    public const string NoDateWarning = "the file name carries no date: times are dated 1970-01-01";

    /// <summary><c>name.YYYY-MM-DD-HH.MM</c>: the key that groups the files of one meeting.</summary>
    public string MeetingKey => string.Create(CultureInfo.InvariantCulture, $"{Name}.{Date:yyyy-MM-dd}-{Hour:00}.{Minute:00}");

    /// <summary>The start minute the file name encodes (UTC).</summary>
    public DateTimeOffset StartMinute => new(Date.ToDateTime(new TimeOnly(Hour, Minute)), TimeSpan.Zero);

    /// <summary>
    /// The channel the directory layout implies, with <c>#</c>: Fedora's <c>channel/YYYY-MM-DD/</c>, or the
    /// Debian/Tor/Ubuntu <c>channel/YYYY/channel.…</c> where the folder and the file name agree. Null otherwise.
    /// </summary>
    public string? ChannelHint { get; init; }

    /// <summary>The file format its extension names, if any.</summary>
    public MeetbotFormat? Format => FormatOfExtension(Extension);

    [GeneratedRegex(@"^(?<name>.+)[.-](?<date>\d{4}-\d{2}-\d{2})-(?<hh>\d{2})\.(?<mm>\d{2})(?<ext>\.log\.txt|\.log\.html|\.moin\.txt|\.mw\.txt|\.summary\.md|\.txt|\.html)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Parses a path or bare file name; null when the name does not follow the meetbot pattern.</summary>
    public static MeetingFileName? TryParse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Contains('\\', StringComparison.Ordinal) ? path.Replace('\\', '/') : path;
        var fileName = normalized[(normalized.LastIndexOf('/') + 1)..];
        if (Ascii.IsValid(fileName) && !fileName.Contains('\n', StringComparison.Ordinal))
        {
            return MatchAscii(fileName, normalized);
        }

        var m = NamePattern().Match(fileName);
        if (!m.Success
            || !DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var hour = int.Parse(m.Groups["hh"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59)
        {
            return null;
        }

        var name = m.Groups["name"].Value;
        return new MeetingFileName(name, date, hour, minute, m.Groups["ext"].Value) { ChannelHint = ChannelFromFolders(normalized, name) };
    }

    // NamePattern by hand for the usual name (ASCII, no newline), where '.+' and '\d' need no Unicode care: the
    // regex's greedy name takes the rightmost split at which "[.-]YYYY-MM-DD-HH.MM" plus one extension (or none) ends the name.
    private static MeetingFileName? MatchAscii(string fileName, string normalizedPath)
    {
        var split = -1;
        var extension = string.Empty;
        foreach (var ext in PatternExtensions)
        {
            var stem = fileName.Length - ext.Length - 17;
            if (stem > split && fileName.EndsWith(ext, StringComparison.Ordinal) && IsDateStamp(fileName.AsSpan(stem, 17)))
            {
                split = stem;
                extension = ext;
            }
        }

        if (split < 1)
        {
            return null;
        }

        var stamp = fileName.AsSpan(split + 1, 16);
        int year = Number(stamp[..4]), month = Number(stamp[5..7]), day = Number(stamp[8..10]), hour = Number(stamp[11..13]), minute = Number(stamp[14..16]);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return null;
        }

        var name = fileName[..split];
        return new MeetingFileName(name, new DateOnly(year, month, day), hour, minute, extension) { ChannelHint = ChannelFromFolders(normalizedPath, name) };
    }

    private static readonly string[] PatternExtensions = [string.Empty, ".txt", ".html", ".mw.txt", ".log.txt", ".log.html", ".moin.txt", ".summary.md"];

    // "[.-]YYYY-MM-DD-HH.MM"
    private static bool IsDateStamp(ReadOnlySpan<char> s) =>
        s[0] is '.' or '-' && s[5] == '-' && s[8] == '-' && s[11] == '-' && s[14] == '.'
        && AllDigits(s.Slice(1, 4)) && AllDigits(s.Slice(6, 2)) && AllDigits(s.Slice(9, 2)) && AllDigits(s.Slice(12, 2)) && AllDigits(s.Slice(15, 2));

    private static bool AllDigits(ReadOnlySpan<char> s) => s.IndexOfAnyExceptInRange('0', '9') < 0;

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>The format an extension names (<c>.log.txt</c>, <c>.html</c>, …); null for others.</summary>
    public static MeetbotFormat? FormatOfExtension(string fileNameOrExtension)
    {
        ArgumentNullException.ThrowIfNull(fileNameOrExtension);

        // For ASCII, OrdinalIgnoreCase is exactly ToLowerInvariant + Ordinal, without copying the path.
        var ascii = Ascii.IsValid(fileNameOrExtension);
        var f = ascii ? fileNameOrExtension : fileNameOrExtension.ToLowerInvariant();
        var how = ascii ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (f.EndsWith(".log.txt", how)) return MeetbotFormat.LogTxt;
        if (f.EndsWith(".log.html", how)) return MeetbotFormat.LogHtml;
        if (f.EndsWith(".moin.txt", how)) return MeetbotFormat.Moin;
        if (f.EndsWith(".mw.txt", how)) return null;
        if (f.EndsWith(".txt", how)) return MeetbotFormat.MinutesTxt;
        if (f.EndsWith(".html", how) || f.EndsWith(".htm", how)) return MeetbotFormat.MinutesHtml;
        if (f.EndsWith(".log", how)) return MeetbotFormat.LogTxt;
        return null;
    }

    private static string? ChannelFromFolders(string normalizedPath, string name)
    {
        // The two folders above the file, without splitting the whole path.
        var fileStart = normalizedPath.LastIndexOf('/');
        if (fileStart <= 0) return null;
        var parentStart = normalizedPath.LastIndexOf('/', fileStart - 1) + 1;
        var parent = normalizedPath.AsSpan(parentStart, fileStart - parentStart);
        if (parentStart <= 1 || !IsDateOrYear(parent)) return null;
        var folderStart = normalizedPath.LastIndexOf('/', parentStart - 2) + 1;
        var folder = normalizedPath[folderStart..(parentStart - 1)];
        if (folder.Length == 0) return null;

        if (parent.Length == 10)
        {
            // Fedora Matrix rooms are "<alias>_matrix_<server>"; IRC channels are plain.
            return folder.Contains("_matrix_", StringComparison.Ordinal) ? folder : "#" + folder;
        }

        // Debian/Tor/Ubuntu name files after the channel; OpenStack names folder and file after the meeting,
        // so a year folder only says "channel" when it agrees with the file name (the reader may still overrule).
        return string.Equals(folder, name, StringComparison.Ordinal) ? "#" + folder : null;
    }

    private static bool IsDateOrYear(ReadOnlySpan<char> s)
        => (s.Length == 4 && s.IndexOfAnyExceptInRange('0', '9') < 0)
           || (s.Length == 10 && s[..4].IndexOfAnyExceptInRange('0', '9') < 0 && s[4] == '-' && s[5..7].IndexOfAnyExceptInRange('0', '9') < 0 && s[7] == '-' && s[8..].IndexOfAnyExceptInRange('0', '9') < 0);
}
