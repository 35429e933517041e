namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>What the meeting page shows, read in one go.</summary>
public sealed record MeetingPageModel(
    MeetingDetails Details,
    IReadOnlyList<LineEntry> Lines,
    MeetingLink? Previous,
    MeetingLink? Next,
    string SourceName,
    bool SourceIsHttp,
    IReadOnlyList<SourceFile> Files)
{
    public MeetingHeader Meeting => Details.Meeting;

    /// <summary>The person of a nick said at the meeting (chairs, starter), for linking; null when not known.</summary>
    public string? PersonOf(string nick) =>
        Details.Attendance.FirstOrDefault(a => string.Equals(a.Nick, nick, StringComparison.OrdinalIgnoreCase))?.Person;
}
