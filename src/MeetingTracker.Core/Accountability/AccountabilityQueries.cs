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
    /// has "done" in it, with the title of their topic when it is a follow-up one.
    /// </summary>
    public static async Task<List<NoteCandidate>> DoneNoteCandidatesAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kinds = DoneNotes.NoteKinds.ToList();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower() on every provider.
        var items = await db.Items.AsNoTracking()
            .Where(i => kinds.Contains(i.Kind) && i.RemovedAt == null && (i.Kind == ItemKind.Done || i.Text.ToLower().Contains("done")))
            .Select(i => new { i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text, i.TopicOrdinal })
            .ToListAsync(cancellationToken);
        var topics = (await db.Topics.AsNoTracking()
            .Where(t => t.Title.ToLower().Contains("follow") || t.Title.ToLower().Contains("action"))
            .Select(t => new { t.MeetingId, t.Ordinal, t.Title })
            .ToListAsync(cancellationToken))
            .Where(t => DoneNotes.IsFollowUpTopic(t.Title))
            .ToDictionary(t => (t.MeetingId, t.Ordinal), t => t.Title);
#pragma warning restore CA1304, CA1311, CA1862
        return [.. items.Select(i => new NoteCandidate(i.Id, i.MeetingId, i.Number, i.Kind, i.Time, i.Text,
            i.TopicOrdinal is { } o ? topics.GetValueOrDefault((i.MeetingId, o)) : null))];
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
