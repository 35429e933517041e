using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Topics;

/// <summary>One <c>#topic</c> of one meeting, as the catalog reads it.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="StartedAt">When the meeting started (orders the team's meetings).</param>
/// <param name="Ordinal">0-based position among the meeting's topics.</param>
/// <param name="Title">The title as the chair typed it.</param>
public sealed record TopicMention(int MeetingId, DateTimeOffset StartedAt, int Ordinal, string Title);

/// <summary>A subject a team discussed, over all its meetings.</summary>
/// <param name="Key">The normalised title (<see cref="TopicTitle.Key"/>).</param>
/// <param name="Slug">Unique within the team: the key's slug, with <c>-2</c>, <c>-3</c>... for later keys of the same slug.</param>
/// <param name="Title">How the chair wrote it the last time (numbering and dates removed).</param>
/// <param name="Meetings">The meetings that discussed it, oldest first (each once).</param>
/// <param name="Routine">A standing item of the team's meetings (see <see cref="TopicCatalog"/>), not a subject.</param>
/// <param name="Position">Where it usually comes in a meeting: the mean of its place among the meeting's topics, 0 first, 1 last.</param>
public sealed record TeamTopic(string Key, string Slug, string Title, IReadOnlyList<int> Meetings, DateTimeOffset First, DateTimeOffset Last, bool Routine, double Position);

/// <summary>
/// A team's topics, from every <c>#topic</c> of its meetings. A routine topic (roll call, open floor, the review of
/// last week's actions, whatever a team calls them and in whatever language) is recognised by how it recurs, not by its
/// words: it came up in at least <see cref="RoutineMinMeetings"/> meetings, and in at least half of the team's
/// meetings since it first came up. A subject a team works on for months comes up often but not in most meetings; a
/// standing item comes up in nearly all of them from the day the team adopted it.
/// </summary>
public static class TopicCatalog
{
    /// <summary>Fewer meetings than this cannot tell a standing item from a subject discussed a few weeks running.</summary>
    public const int RoutineMinMeetings = 5;

    /// <summary>The share of the team's meetings since the topic first came up that a routine topic reaches.</summary>
    public const double RoutineShare = 0.5;

    /// <summary>The team's topics from every <c>#topic</c> of its meetings (two queries).</summary>
    public static async Task<IReadOnlyList<TeamTopic>> ReadAsync(TrackerDb db, int teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.TeamId == teamId)
            .Select(m => new { m.Id, m.StartedAt }).ToListAsync(cancellationToken);
        var mentions = await db.Topics.AsNoTracking()
            .Join(db.Meetings.Where(m => m.TeamId == teamId), t => t.MeetingId, m => m.Id, (t, m) => new TopicMention(t.MeetingId, m.StartedAt, t.Ordinal, t.Title))
            .ToListAsync(cancellationToken);
        return Build(mentions, meetings.Select(m => (m.Id, m.StartedAt)));
    }

    /// <summary>Groups a team's topic mentions into its topics, most recently discussed first.</summary>
    /// <param name="mentions">Every topic of the team's meetings (any order).</param>
    /// <param name="meetings">Every meeting of the team with its start (including meetings without topics).</param>
    public static IReadOnlyList<TeamTopic> Build(IEnumerable<TopicMention> mentions, IEnumerable<(int Id, DateTimeOffset StartedAt)> meetings)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(meetings);
        var starts = meetings.Select(m => m.StartedAt).Order().ToArray();
        var all = mentions.ToList();
        var topicsPerMeeting = all.GroupBy(m => m.MeetingId).ToDictionary(g => g.Key, g => g.Max(m => m.Ordinal) + 1);
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var mention in all.OrderBy(m => m.StartedAt).ThenBy(m => m.MeetingId).ThenBy(m => m.Ordinal))
        {
            var title = TopicTitle.Of(mention.Title);
            if (!groups.TryGetValue(title.Key, out var group))
            {
                groups[title.Key] = group = new Group(title.Key, mention.StartedAt);
            }

            group.Title = title.Display;
            group.Last = mention.StartedAt;
            if (group.Meetings.Count == 0 || group.Meetings[^1] != mention.MeetingId)
            {
                group.Meetings.Add(mention.MeetingId);
                var count = topicsPerMeeting[mention.MeetingId];
                group.PositionSum += count <= 1 ? 0 : (double)mention.Ordinal / (count - 1);
            }
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var topics = new List<TeamTopic>(groups.Count);
        foreach (var group in groups.Values.OrderBy(g => g.First).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var slug = TopicTitle.Slug(group.Key);
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = $"{TopicTitle.Slug(group.Key)}-{n}";
            }

            var since = starts.Length - LowerBound(starts, group.First);
            var routine = group.Meetings.Count >= RoutineMinMeetings && group.Meetings.Count >= RoutineShare * since;
            topics.Add(new TeamTopic(group.Key, slug, group.Title, group.Meetings, group.First, group.Last, routine, group.PositionSum / group.Meetings.Count));
        }

        return [.. topics.OrderByDescending(t => t.Last).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    // The first index whose start is not before the value.
    private static int LowerBound(DateTimeOffset[] sorted, DateTimeOffset value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private sealed class Group(string key, DateTimeOffset first)
    {
        public string Key { get; } = key;

        public DateTimeOffset First { get; } = first;

        public DateTimeOffset Last { get; set; } = first;

        public string Title { get; set; } = key;

        public List<int> Meetings { get; } = [];

        public double PositionSum { get; set; }
    }
}
