using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// The reads behind chains and trails: one query each, projected to the few columns needed, grouped in memory by
/// <see cref="ActionChainBuilder"/> and <see cref="IdeaTrailBuilder"/>. Removed items are left out.
/// </summary>
public static class AccountabilityQueries
{
    public static Task<List<TeamMeeting>> MeetingsAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Meetings.AsNoTracking()
            .Select(m => new TeamMeeting(m.Id, m.TeamId, m.StartedAt))
            .ToListAsync(cancellationToken);
    }

    public static Task<List<ActionOccurrence>> ActionsAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Items.AsNoTracking()
            .Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null)
            .Select(i => new ActionOccurrence(i.Id, i.MeetingId, i.Number, i.Time, i.Text))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Items that may be done notes (<see cref="DoneNotes"/>): <c>#done</c> ones, and the other note kinds whose text
    /// has "done" in it, with the title of their topic when it is one where the team follows up its actions
    /// (<see cref="FollowUpTopics"/>: read from the actions under the topics, not from the titles' words).
    /// </summary>
    public static async Task<List<NoteCandidate>> DoneNoteCandidatesAsync(TrackerDb db, IReadOnlyList<TeamMeeting> meetings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kinds = DoneNotes.NoteKinds.ToList();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower() on every provider.
        var items = await db.Items.AsNoTracking()
            .Where(i => kinds.Contains(i.Kind) && i.RemovedAt == null && (i.Kind == ItemKind.Done || i.Text.ToLower().Contains("done")))
            .Select(i => new { i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text, i.TopicOrdinal })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        if (items.Count == 0) return [];

        var actions = await db.Items.AsNoTracking()
            .Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null && i.TopicOrdinal != null)
            .Select(i => new TopicAction(i.MeetingId, i.TopicOrdinal!.Value, i.Text))
            .ToListAsync(cancellationToken);

        // The titles needed: the topics the notes are under, and those under which actions come back.
        var noteMeetings = items.Where(i => i.TopicOrdinal is not null && i.Kind != ItemKind.Done).Select(i => i.MeetingId).ToHashSet();
        var seen = new HashSet<(int, string)>();
        var meetingOf = meetings.ToDictionary(m => m.MeetingId);
        var backMeetings = new HashSet<int>();
        foreach (var a in actions.Where(a => meetingOf.ContainsKey(a.MeetingId)).OrderBy(a => meetingOf[a.MeetingId].StartedAt).ThenBy(a => a.MeetingId))
        {
            if (!seen.Add((meetingOf[a.MeetingId].TeamId, ActionText.Normalize(a.Text)))) backMeetings.Add(a.MeetingId);
        }

        var wanted = noteMeetings.Union(backMeetings).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => wanted.Contains(t.MeetingId))
            .Select(t => new TopicHeading(t.MeetingId, t.Ordinal, t.Title)).ToListAsync(cancellationToken);
        var followUps = FollowUpTopics.Find(actions, topics, meetings);
        var titles = topics.ToDictionary(t => (t.MeetingId, t.Ordinal), t => t.Title);
        return [.. items.Select(i => new NoteCandidate(i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text,
            i.TopicOrdinal is { } o && followUps.Contains((i.MeetingId, o)) ? titles.GetValueOrDefault((i.MeetingId, o)) : null))];
    }

    /// <summary>Ideas and the items that may follow them.</summary>
    public static Task<List<ItemSummary>> IdeasAndFollowersAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kinds = IdeaTrailBuilder.FollowerKinds.Append(ItemKind.Idea).ToList();
        return db.Items.AsNoTracking()
            .Where(i => kinds.Contains(i.Kind) && i.RemovedAt == null)
            .Select(i => new ItemSummary(i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text, i.Nick, i.PersonId))
            .ToListAsync(cancellationToken);
    }
}
