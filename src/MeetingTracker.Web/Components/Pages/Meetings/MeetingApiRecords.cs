namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>A meeting in the <c>/api/meetings</c> list; <see cref="Url"/> is its page.</summary>
public sealed record MeetingListItem(
    int Id,
    string Key,
    string Team,
    string TeamName,
    string? Title,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int LineCount,
    int Actions,
    int Ideas,
    string Url);

/// <summary>One meeting with its minutes and attendance (<c>/api/meetings/{id}</c>); its log is at <see cref="LogUrl"/>.</summary>
public sealed record MeetingResponse(
    int Id,
    string Key,
    string Team,
    string TeamName,
    string? Title,
    string? MeetingName,
    string? Channel,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? StartedBy,
    IReadOnlyList<string> Chairs,
    string Dialect,
    string ReadFrom,
    bool IsComplete,
    int LineCount,
    string Url,
    string LogUrl,
    IReadOnlyList<TopicEntry> Topics,
    IReadOnlyList<ItemEntry> Items,
    IReadOnlyList<AttendeeEntry> Attendance)
{
    public static MeetingResponse From(MeetingDetails details, string url, string logUrl)
    {
        ArgumentNullException.ThrowIfNull(details);
        var m = details.Meeting;
        return new MeetingResponse(
            m.Id, m.MeetingKey, m.TeamKey, m.TeamName, m.Title, m.MeetingName, m.Channel, m.StartedAt, m.EndedAt, m.StartedBy,
            m.ChairList, m.Dialect, m.ReadFrom, m.IsComplete, m.LineCount, url, logUrl, details.Topics, details.Items, details.Attendance);
    }
}
