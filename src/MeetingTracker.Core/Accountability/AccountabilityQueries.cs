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
