namespace MeetingTracker.Web.Feeds;

/// <summary>A meeting as a feed entry or calendar event shows it: its fields, topic titles and action texts.</summary>
public sealed record FeedMeeting(
    int Id,
    string MeetingKey,
    string TeamName,
    string? Title,
    string? StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset ReadAt,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Actions)
{
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? MeetingKey : Title;

    /// <summary>
    /// When the entry last changed in substance: the end of the meeting, when its minutes were final. Not
    /// <see cref="ReadAt"/>, which a newer parser moves for every meeting at once, making readers show all as new.
    /// </summary>
    public DateTimeOffset Updated => EndedAt ?? ReadAt;

    /// <summary>Topics and actions as plain text, one per line (the feed libraries encode it).</summary>
    public string Summary()
    {
        if (Topics.Count == 0 && Actions.Count == 0) return "No topics or actions were recorded.";
        var lines = new List<string>();
        if (Topics.Count > 0) lines.Add("Topics:");
        lines.AddRange(Topics.Select(t => "- " + t));
        if (Actions.Count > 0) lines.Add("Actions:");
        lines.AddRange(Actions.Select(a => "- " + a));
        return string.Join('\n', lines);
    }
}
