namespace MeetingTracker.Core.Accountability;

/// <summary>An <c>#action</c> item under a topic, as <see cref="FollowUpTopics"/> reads it.</summary>
public sealed record TopicAction(int MeetingId, int TopicOrdinal, string Text);

/// <summary>A meeting's topic.</summary>
public sealed record TopicHeading(int MeetingId, int Ordinal, string Title);

/// <summary>
/// The topics under which a team follows up its actions, found by what happens under them, not by their wording
/// (teams write "Follow-up on action items", "Old business", "Review AIs", "Status of last week's items", in any
/// language): a topic under which an action of an earlier meeting of the team comes back (an <c>#action</c> with the
/// same normalised text, <see cref="ActionText.Normalize"/>) is one; and since teams repeat their agenda, so is every
/// topic of the team with the same title (normalised: case, spaces and punctuation aside) as one of those, in any of
/// its meetings, including meetings where nothing came back. Titles are compared as the topic pages compare them
/// (<see cref="Topics.TopicTitle"/>: numbering, dates, case and punctuation aside).
/// </summary>
public static class FollowUpTopics
{
    public static HashSet<(int MeetingId, int Ordinal)> Find(
        IReadOnlyList<TopicAction> actions, IReadOnlyList<TopicHeading> topics, IReadOnlyList<TeamMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(meetings);
        var meetingOf = meetings.ToDictionary(m => m.MeetingId);
        var titleOf = topics.ToDictionary(t => (t.MeetingId, t.Ordinal), t => Title(t.Title));
        var found = new HashSet<(int, int)>();
        var titles = new HashSet<(int TeamId, string Title)>();
        foreach (var team in actions.Where(a => meetingOf.ContainsKey(a.MeetingId)).GroupBy(a => meetingOf[a.MeetingId].TeamId))
        {
            foreach (var action in ComeBacks(team, a => a.MeetingId, id => meetingOf[id].StartedAt, a => a.Text))
            {
                var key = (action.MeetingId, action.TopicOrdinal);
                found.Add(key);
                if (titleOf.TryGetValue(key, out var title) && title.Length > 0) titles.Add((team.Key, title));
            }
        }

        foreach (var topic in topics)
        {
            if (meetingOf.TryGetValue(topic.MeetingId, out var meeting) && titles.Contains((meeting.TeamId, Title(topic.Title))))
            {
                found.Add((topic.MeetingId, topic.Ordinal));
            }
        }

        return found;
    }

    /// <summary>
    /// The actions of one team that come back: an action whose normalised text (<see cref="ActionText.Normalize"/>) an
    /// earlier meeting of the team had, its meetings taken in time order.
    /// </summary>
    public static IEnumerable<T> ComeBacks<T>(IEnumerable<T> teamActions, Func<T, int> meetingId, Func<int, DateTimeOffset> startedAt, Func<T, string> text)
    {
        ArgumentNullException.ThrowIfNull(teamActions);
        ArgumentNullException.ThrowIfNull(meetingId);
        ArgumentNullException.ThrowIfNull(startedAt);
        ArgumentNullException.ThrowIfNull(text);
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        foreach (var meeting in teamActions.GroupBy(meetingId).OrderBy(g => startedAt(g.Key)).ThenBy(g => g.Key))
        {
            var texts = meeting.Select(a => (Action: a, Text: ActionText.Normalize(text(a)))).ToList();
            foreach (var (action, normalized) in texts)
            {
                if (earlier.Contains(normalized)) yield return action;
            }

            earlier.UnionWith(texts.Select(t => t.Text));
        }
    }

    private static string Title(string title)
        => Topics.TopicTitle.Slug(Topics.TopicTitle.Of(title).Key) is var slug && slug != Topics.TopicTitle.EmptySlug ? slug : string.Empty;
}
