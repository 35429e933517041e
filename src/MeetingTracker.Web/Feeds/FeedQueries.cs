using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Feeds;

/// <summary>What the feeds read: the newest meetings of a selection, with topics and actions in two batched queries.</summary>
public static class FeedQueries
{
    public const int AtomEntries = 50;

    /// <summary>A calendar keeps more history than a feed: a weekly meeting's four years.</summary>
    public const int CalendarEvents = 200;

    public static async Task<List<FeedMeeting>> NewestAsync(TrackerDb db, IQueryable<Meeting> meetings, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // One open for the three queries: EF otherwise opens (and sets up) the connection once per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = await meetings.AsNoTracking()
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(m => new { m.Id, m.MeetingKey, Team = m.Team!.Name, m.Title, m.StartedBy, m.StartedAt, m.EndedAt, m.ReadAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var topics = (await db.Topics.AsNoTracking()
            .Where(t => ids.Contains(t.MeetingId))
            .OrderBy(t => t.MeetingId).ThenBy(t => t.Ordinal)
            .Select(t => new { t.MeetingId, t.Title })
            .ToListAsync(cancellationToken)).ToLookup(t => t.MeetingId, t => t.Title);
        var actions = (await db.Items.AsNoTracking()
            .Where(i => ids.Contains(i.MeetingId) && i.Kind == ItemKind.Action && i.RemovedAt == null)
            .OrderBy(i => i.MeetingId).ThenBy(i => i.Ordinal)
            .Select(i => new { i.MeetingId, i.Text })
            .ToListAsync(cancellationToken)).ToLookup(i => i.MeetingId, i => i.Text);
        return rows.ConvertAll(r => new FeedMeeting(
            r.Id, r.MeetingKey, r.Team, r.Title, r.StartedBy, r.StartedAt, r.EndedAt, r.ReadAt, [.. topics[r.Id]], [.. actions[r.Id]]));
    }

    /// <summary>A person by name, else by any of their nicks, case-insensitively as IRC compares nicks.</summary>
    public static async Task<Person?> PersonAsync(TrackerDb db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (person is not null) return person;

        // EF turns ToLower into SQL's lower(), which string.Equals with a comparison cannot be.
#pragma warning disable CA1862
        var lower = name.ToLowerInvariant();
        return await db.PersonAliases.AsNoTracking().Where(a => a.Nick.ToLower() == lower).Select(a => a.Person).FirstOrDefaultAsync(cancellationToken)
            ?? await db.People.AsNoTracking().Where(p => p.Name.ToLower() == lower).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
    }
}
