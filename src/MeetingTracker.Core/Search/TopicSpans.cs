using MeetingTracker.Core.Meetings;

namespace MeetingTracker.Core.Search;

/// <summary>
/// Which topic a meeting's log line or item was said under: a line, under the last topic whose line is at or before
/// it (MeetBot's rule: a topic holds until the next); an item, under the topic its minutes give.
/// </summary>
internal sealed class TopicSpans
{
    private readonly Dictionary<int, Topic[]> byMeeting;

    private TopicSpans(Dictionary<int, Topic[]> byMeeting) => this.byMeeting = byMeeting;

    public static TopicSpans Of(IEnumerable<Topic> topics)
        => new(topics.GroupBy(t => t.MeetingId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Ordinal).ToArray()));

    /// <summary>The title of the topic of that ordinal in the meeting, or null.</summary>
    public string? Of(int meetingId, int? ordinal)
        => ordinal is { } o && byMeeting.TryGetValue(meetingId, out var topics) ? Array.Find(topics, t => t.Ordinal == o)?.Title : null;

    /// <summary>The title of the topic open at that line of the meeting's log, or null before the first.</summary>
    public string? AtLine(int meetingId, int line)
    {
        if (!byMeeting.TryGetValue(meetingId, out var topics)) return null;
        string? open = null;
        foreach (var topic in topics)
        {
            if (topic.Line is not { } at) continue;
            if (at > line) break;
            open = topic.Title;
        }

        return open;
    }
}
