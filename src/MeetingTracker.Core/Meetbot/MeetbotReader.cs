using MeetingTracker.Core.Meetbot.Html;
using MeetingTracker.Core.Meetbot.Minutes;
using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Meetbot;

/// <summary>The outcome of reading one file: a meeting, or a clear reason why there is none.</summary>
public sealed record ReadResult(ParsedMeeting? Meeting, string? Error)
{
    public bool Ok => Meeting is not null;

    public static ReadResult Success(ParsedMeeting meeting) => new(meeting, null);

    public static ReadResult Failure(string error) => new(null, error);
}

/// <summary>
/// Entry point of the format engine: a pure function of (bytes, file name). Picks the format from the extension
/// (or, for unknown extensions, from the content), runs that reader, and never lets an exception escape.
/// </summary>
public static class MeetbotReader
{
    /// <summary>Files above this size are refused rather than read: no meetbot file comes near it.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The readers' version. Raise it when a change alters what any reader returns: the harvester re-reads every
    /// stored meeting whose version is lower, from the files it keeps.
    /// Version 2: votes carry their record; moin reads every meetingology layout; the meeting's bots are known.
    /// </summary>
    public const int Version = 2;

    public static ReadResult Read(ReadOnlySpan<byte> bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (bytes.Length > MaxFileBytes)
        {
            return ReadResult.Failure($"file is {bytes.Length} bytes, above the {MaxFileBytes}-byte limit for a meetbot file");
        }

        if (bytes.IsEmpty)
        {
            return ReadResult.Failure("file is empty");
        }

        var name = MeetingFileName.TryParse(fileName);
        var format = MeetingFileName.FormatOfExtension(fileName) ?? FormatSniffer.Sniff(bytes);
        if (format is null)
        {
            return ReadResult.Failure("not a meetbot file: neither its name nor its content is a log or minutes format");
        }

        try
        {
            var meeting = format.Value switch
            {
                MeetbotFormat.LogTxt => LogTxtReader.Read(bytes, name),
                MeetbotFormat.LogHtml => LogHtmlReader.Read(bytes, name),
                MeetbotFormat.MinutesTxt => MinutesTxtReader.Read(bytes, name),
                MeetbotFormat.MinutesHtml => MinutesHtmlReader.Read(bytes, name),
                MeetbotFormat.Moin => MoinReader.Read(bytes, name),
                _ => throw new MeetbotFormatException($"unsupported format {format}"),
            };
            return ReadResult.Success(meeting);
        }
        catch (MeetbotFormatException ex)
        {
            return ReadResult.Failure(ex.Message);
        }
#pragma warning disable CA1031 // The contract: a reader never crashes the caller; an unexpected fault becomes a reason.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ReadResult.Failure($"internal reader error ({ex.GetType().Name}): {ex.Message}");
        }
    }

    /// <summary>Reads a file from disk (refusing oversized files before loading them).</summary>
    public static ReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ReadResult.Failure("no such file");
            }

            if (info.Length > MaxFileBytes)
            {
                return ReadResult.Failure($"file is {info.Length} bytes, above the {MaxFileBytes}-byte limit for a meetbot file");
            }

            return Read(File.ReadAllBytes(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failure($"cannot read file: {ex.Message}");
        }
    }
}
