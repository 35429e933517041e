using System.Globalization;
using System.Text;

namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// Writes the files MeetBot would write for a meeting, byte for byte: <c>.log.txt</c> (TextLog), <c>.log.html</c>
/// (HTMLlog2), <c>.txt</c> (Text) and <c>.html</c> (HTML2), in the 0.1.4 layout or the later (rkdarst HEAD /
/// OpenStack) one, bugs included; or, with <see cref="MeetbotLayout.Meetingology"/>, Ubuntu's <c>.moin.txt</c>,
/// <c>.log.html</c> and <c>.html</c> in the layout of the meetingology era. The meeting must carry the full log (<see cref="ParsedMeeting.Lines"/>) and the
/// minutes (topics, items with their published <see cref="MinutesItem.Assignees"/>, people, chairs, title, channel,
/// start, end). An unfinished meeting gets only its <c>.log.txt</c>, as MeetBot's realtime writer leaves it.
/// </summary>
public static class MeetbotWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static MeetbotFiles Write(ParsedMeeting meeting, WriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(options);
        var baseName = options.BaseName ?? meeting.FileName?.MeetingKey ?? DefaultBaseName(meeting);
        var files = new List<MeetbotFile>(4);
        if (options.Layout == MeetbotLayout.Meetingology)
        {
            // meetingology publishes .log.html, .html and .moin.txt; only its realtime .log.txt is left of an unfinished meeting.
            if (!meeting.IsComplete)
            {
                files.Add(File(baseName, MeetbotFormat.LogTxt, LogWriters.LogTxt(meeting, options)));
                return new MeetbotFiles(baseName, files);
            }

            var ubuntu = new MinutesContext(meeting, options, baseName);
            files.Add(File(baseName, MeetbotFormat.Moin, MoinWriter.Write(ubuntu, meeting)));
            files.Add(File(baseName, MeetbotFormat.LogHtml, LogWriters.LogHtml(meeting, options)));
            files.Add(File(baseName, MeetbotFormat.MinutesHtml, MinutesHtmlWriter.Write(ubuntu)));
            return new MeetbotFiles(baseName, files);
        }

        files.Add(File(baseName, MeetbotFormat.LogTxt, LogWriters.LogTxt(meeting, options)));
        if (meeting.IsComplete)
        {
            var context = new MinutesContext(meeting, options, baseName);
            files.Add(File(baseName, MeetbotFormat.LogHtml, LogWriters.LogHtml(meeting, options)));
            files.Add(File(baseName, MeetbotFormat.MinutesTxt, MinutesTextWriter.Write(context)));
            files.Add(File(baseName, MeetbotFormat.MinutesHtml, MinutesHtmlWriter.Write(context)));
        }

        return new MeetbotFiles(baseName, files);
    }

    /// <summary>The extension MeetBot gives each format.</summary>
    public static string Extension(MeetbotFormat format) => format switch
    {
        MeetbotFormat.LogTxt => ".log.txt",
        MeetbotFormat.LogHtml => ".log.html",
        MeetbotFormat.MinutesTxt => ".txt",
        MeetbotFormat.MinutesHtml => ".html",
        MeetbotFormat.Moin => ".moin.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "MeetbotWriter writes the four classic files and meetingology's moin minutes"),
    };

    // MeetBot's default: the meeting name (else the channel without '#', lower case, '/' removed) and the start minute.
    private static string DefaultBaseName(ParsedMeeting meeting)
    {
        var name = meeting.MeetingName is { Length: > 0 } n
            ? n.Replace("/", string.Empty, StringComparison.Ordinal)
            : (meeting.Channel ?? "meeting").Trim('#', ' ').ToLowerInvariant().Replace("/", string.Empty, StringComparison.Ordinal);
        var start = meeting.StartedAt ?? (meeting.Lines.Count > 0 ? meeting.Lines[0].Time : DateTimeOffset.UnixEpoch);
        return string.Create(CultureInfo.InvariantCulture, $"{name}.{start:yyyy-MM-dd-HH.mm}");
    }

    private static MeetbotFile File(string baseName, MeetbotFormat format, string content)
        => new(baseName + Extension(format), format, Utf8.GetBytes(content));
}
