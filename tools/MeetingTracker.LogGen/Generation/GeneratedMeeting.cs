using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// One generated meeting: where its files go and the meeting the generator meant, which is an oracle for readers
/// (tracked line by line as MeetBot would: chairs, #undo, attribution, people with the bot and 0-line #chair/#nick
/// targets, in the minutes' order). <see cref="Write"/> renders its files with <see cref="MeetbotWriter"/>.
/// </summary>
/// <param name="Team">The team's key (its meetings share it, week after week).</param>
/// <param name="Directory">Folder relative to the server root, with <c>/</c> separators.</param>
/// <param name="BaseName"><c>&lt;name&gt;.&lt;YYYY-MM-DD-HH.MM&gt;</c>.</param>
public sealed record GeneratedMeeting(string Team, string Directory, string BaseName, ParsedMeeting Meeting, WriterOptions WriterOptions)
{
    /// <summary>A one-line <c>.log.txt</c> left under a meeting's first name when <c>#meetingname</c> renamed it (Fedora).</summary>
    public bool IsRenameStub { get; init; }

    /// <summary>
    /// The references to projects and tickets the generator planted in the log, in the order it said them, each with
    /// its line: what a reference finder should find, no more (the rest of the text is not meant to hold any).
    /// </summary>
    public IReadOnlyList<PlantedReference> References { get; init; } = [];

    /// <summary>The path of one of its files relative to the server root.</summary>
    public string RelativePath(MeetbotFormat format) => $"{Directory}/{BaseName}{MeetbotWriter.Extension(format)}";

    /// <summary>The files MeetBot would have written: four, or only the <c>.log.txt</c> of an unfinished meeting.</summary>
    public MeetbotFiles Write() => MeetbotWriter.Write(Meeting, WriterOptions);
}
