using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
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

    /// <summary>
    /// The snapshot, read and built a part at a time (<see cref="AccountabilitySnapshot.Parts"/>): whole teams, taken
    /// in order until a part holds <paramref name="meetingsPerPart"/> meetings, so the rows read for one part are
    /// garbage before the next part is read, whatever the number of teams and meetings (ADR 17).
    /// </summary>
    public static async Task<AccountabilitySnapshot> SnapshotAsync(
        TrackerDb db, DataStamp stamp, TimeSpan followUpWindow, CancellationToken cancellationToken, int meetingsPerPart = 1000)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(meetingsPerPart, 1);
        var parts = new AccountabilitySnapshot.Parts();
        var meetings = await MeetingsAsync(db, cancellationToken);
        var part = new List<TeamMeeting>();
        var teams = new List<int>();
        foreach (var team in meetings.GroupBy(m => m.TeamId).OrderBy(g => g.Key))
        {
            part.AddRange(team);
            teams.Add(team.Key);
            if (part.Count >= meetingsPerPart) await AddPartAsync();
        }

        if (teams.Count > 0) await AddPartAsync();
        return parts.Snapshot(stamp);

        async Task AddPartAsync()
        {
            var actions = await ActionsAsync(db, teams, cancellationToken);
            var items = await IdeasAndFollowersAsync(db, teams, cancellationToken);
            var notes = await DoneNoteCandidatesAsync(db, part, actions, teams, cancellationToken);
            parts.Add(part, actions, items, followUpWindow, notes);
            part = [];
            teams = [];
        }
    }

    public static Task<List<ActionOccurrence>> ActionsAsync(TrackerDb db, CancellationToken cancellationToken)
        => ActionsAsync(db, null, cancellationToken);

    /// <summary>The action items (not removed), of <paramref name="teams"/> only when given.</summary>
    public static Task<List<ActionOccurrence>> ActionsAsync(TrackerDb db, IReadOnlyCollection<int>? teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return OfTeams(db.Items.AsNoTracking(), teams)
            .Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null)
            .Select(i => new ActionOccurrence(i.Id, i.MeetingId, i.Number, i.Time, i.Text, i.TopicOrdinal))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Items that may be done notes (<see cref="DoneNotes"/>): <c>#done</c> ones, and the other note kinds whose text
    /// has "done" in it, with the title of their topic when it is one where the team follows up its actions
    /// (<see cref="FollowUpTopics"/>: read from the actions under the topics, not from the titles' words).
    /// </summary>
    /// <param name="meetings">Every meeting of the teams read.</param>
    /// <param name="actions">The teams' actions (<see cref="ActionsAsync(TrackerDb, IReadOnlyCollection{int}?, CancellationToken)"/>): their texts are not read twice.</param>
    /// <param name="teams">The teams read, or null for all.</param>
    public static async Task<List<NoteCandidate>> DoneNoteCandidatesAsync(
        TrackerDb db, IReadOnlyList<TeamMeeting> meetings, IReadOnlyList<ActionOccurrence> actions, IReadOnlyCollection<int>? teams,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(actions);
        var kinds = DoneNotes.NoteKinds.ToList();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower() on every provider.
        var items = await OfTeams(db.Items.AsNoTracking(), teams)
            .Where(i => kinds.Contains(i.Kind) && i.RemovedAt == null && (i.Kind == ItemKind.Done || i.Text.ToLower().Contains("done")))
            .Select(i => new { i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text, i.TopicOrdinal })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        if (items.Count == 0) return [];

        var topicActions = actions.Where(a => a.TopicOrdinal is not null).Select(a => new TopicAction(a.MeetingId, a.TopicOrdinal!.Value, a.Text)).ToList();

        // The titles needed: the topics the notes are under, and those under which actions come back.
        var noteMeetings = items.Where(i => i.TopicOrdinal is not null && i.Kind != ItemKind.Done).Select(i => i.MeetingId).ToHashSet();
        var seen = new HashSet<(int, string)>();
        var meetingOf = meetings.ToDictionary(m => m.MeetingId);
        var backMeetings = new HashSet<int>();
        foreach (var a in topicActions.Where(a => meetingOf.ContainsKey(a.MeetingId)).OrderBy(a => meetingOf[a.MeetingId].StartedAt).ThenBy(a => a.MeetingId))
        {
            if (!seen.Add((meetingOf[a.MeetingId].TeamId, ActionText.Normalize(a.Text)))) backMeetings.Add(a.MeetingId);
        }

        var wanted = noteMeetings.Union(backMeetings).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => wanted.Contains(t.MeetingId))
            .Select(t => new TopicHeading(t.MeetingId, t.Ordinal, t.Title)).ToListAsync(cancellationToken);
        var followUps = FollowUpTopics.Find(topicActions, topics, meetings);
        var titles = topics.ToDictionary(t => (t.MeetingId, t.Ordinal), t => t.Title);
        return [.. items.Select(i => new NoteCandidate(i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text,
            i.TopicOrdinal is { } o && followUps.Contains((i.MeetingId, o)) ? titles.GetValueOrDefault((i.MeetingId, o)) : null))];
    }

    /// <summary>Ideas and the items that may follow them.</summary>
    public static Task<List<ItemSummary>> IdeasAndFollowersAsync(TrackerDb db, IReadOnlyCollection<int>? teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kinds = IdeaTrailBuilder.FollowerKinds.Append(ItemKind.Idea).ToList();
        return OfTeams(db.Items.AsNoTracking(), teams)
            .Where(i => kinds.Contains(i.Kind) && i.RemovedAt == null)
            .Select(i => new ItemSummary(i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text, i.Nick, i.PersonId))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Item> OfTeams(IQueryable<Item> items, IReadOnlyCollection<int>? teams)
    {
        if (teams is null) return items;
        var ids = teams.ToList();
        return items.Where(i => ids.Contains(i.Meeting!.TeamId));
    }
}
