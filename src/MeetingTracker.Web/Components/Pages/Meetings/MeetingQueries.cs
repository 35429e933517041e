using System.Linq.Expressions;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>
/// Reads one meeting for its page, the API and the feeds: a handful of indexed queries per meeting (header, topics,
/// items with owners, attendance, lines), never one per line or item.
/// </summary>
public static class MeetingQueries
{
    public static readonly Expression<Func<Meeting, MeetingHeader>> ToHeader = m => new MeetingHeader(
        m.Id, m.MeetingKey, m.Folder, m.SourceId, m.TeamId, m.Team!.Key, m.Team.Name, m.Title, m.MeetingName, m.Channel,
        m.StartedAt, m.EndedAt, m.StartedBy, m.Chairs, m.Dialect, m.ReadFrom, m.IsComplete, m.LineCount, m.ReadAt);

    public static Task<MeetingHeader?> HeaderAsync(TrackerDb db, int id, CancellationToken cancellationToken)
        => db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(ToHeader).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The meeting with its minutes and attendance; null when there is no such meeting.</summary>
    public static async Task<MeetingDetails?> DetailsAsync(TrackerDb db, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await HeaderAsync(db, id, cancellationToken) is not { } header) return null;
        var topics = await db.Topics.AsNoTracking()
            .Where(t => t.MeetingId == id)
            .OrderBy(t => t.Ordinal)
            .Select(t => new TopicEntry(t.Ordinal, t.Title, t.Nick, t.Time, t.Line))
            .ToListAsync(cancellationToken);
        var rows = await db.Items.AsNoTracking()
            .Where(i => i.MeetingId == id && i.RemovedAt == null)
            .OrderBy(i => i.Ordinal)
            .Select(i => new { i.Id, i.Number, i.Kind, i.Text, i.Nick, i.Time, i.Line, i.TopicOrdinal, i.Url, i.Vote })
            .ToListAsync(cancellationToken);
        // Owners apart, reached through the meeting's items: as a nested collection of the items query, SQLite joined
        // every owner to every person before filtering (20 ms a page on 10,000 meetings, against 0.1 ms this way).
        var owners = (await (from o in db.ItemOwners.AsNoTracking()
                             join i in db.Items on o.ItemId equals i.Id
                             where i.MeetingId == id
                             select new { o.ItemId, o.Nick, o.Person!.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.ItemId);
        var items = rows.Select(i => new ItemEntry(
                i.Number, i.Kind, i.Text, i.Nick, i.Time, i.Line, i.TopicOrdinal, i.Url,
                [.. owners[i.Id].OrderBy(o => o.Nick, StringComparer.Ordinal).Select(o => new OwnerEntry(o.Nick, o.Name))],
                VoteEntry.From(i.Vote)))
            .ToList();
        var people = await db.Attendance.AsNoTracking()
            .Where(a => a.MeetingId == id)
            .OrderByDescending(a => a.Lines).ThenBy(a => a.Nick)
            .Select(a => new AttendeeEntry(a.Nick, a.Person!.Name, a.Lines))
            .ToListAsync(cancellationToken);
        return new MeetingDetails(header, topics, items, people);
    }

    /// <summary>Lines <paramref name="skip"/>+1 .. of the log, in order, with their speakers' names: one query.</summary>
    public static Task<List<LineEntry>> LinesAsync(TrackerDb db, int id, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines =
            from l in db.Lines.AsNoTracking()
            where l.MeetingId == id
            orderby l.Number
            join p in db.People on l.PersonId equals (int?)p.Id into speakers
            from p in speakers.DefaultIfEmpty()
            select new LineEntry(l.Number, l.Time, l.Nick, p == null ? null : p.Name, l.Text, l.IsEmote);
        return lines.Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>The team's meetings just before and just after this one (by start, then id).</summary>
    public static async Task<(MeetingLink? Previous, MeetingLink? Next)> NeighboursAsync(TrackerDb db, MeetingHeader meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        var (team, at, id) = (meeting.TeamId, meeting.StartedAt, meeting.Id);
        var sameTeam = db.Meetings.AsNoTracking().Where(m => m.TeamId == team);
        var earlier = sameTeam
            .Where(m => m.StartedAt < at || (m.StartedAt == at && m.Id < id))
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Take(1);
        var later = sameTeam
            .Where(m => m.StartedAt > at || (m.StartedAt == at && m.Id > id))
            .OrderBy(m => m.StartedAt).ThenBy(m => m.Id)
            .Take(1);

        // One round trip (UNION ALL of the two index seeks); at most one row from each side.
        var around = await earlier.Concat(later)
            .Select(m => new MeetingLink(m.Id, m.MeetingKey, m.Title, m.StartedAt))
            .ToListAsync(cancellationToken);
        var previous = around.Find(m => m.StartedAt < at || (m.StartedAt == at && m.Id < id));
        var next = around.Find(m => m.StartedAt > at || (m.StartedAt == at && m.Id > id));
        return (previous, next);
    }
}
