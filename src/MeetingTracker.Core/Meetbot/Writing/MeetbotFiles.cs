namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>One file MeetBot would write: its name (<c>&lt;base&gt;.log.txt</c>, …) and its exact bytes (UTF-8, no BOM).</summary>
public sealed record MeetbotFile(string FileName, MeetbotFormat Format, byte[] Content);

/// <summary>
/// The files of one meeting. A finished meeting has all four; an unfinished one (no <c>#endmeeting</c>) only the
/// <c>.log.txt</c>, as MeetBot's realtime writer leaves it.
/// </summary>
public sealed record MeetbotFiles(string BaseName, IReadOnlyList<MeetbotFile> Files)
{
    /// <summary>The file of <paramref name="format"/>, or null when it was not written.</summary>
    public MeetbotFile? this[MeetbotFormat format] => Files.FirstOrDefault(f => f.Format == format);
}
