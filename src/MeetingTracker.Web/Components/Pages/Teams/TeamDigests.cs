using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Teams;

/// <summary>Builds the team digests that <see cref="TeamQueries"/> caches: grouped queries, a few per digest.</summary>
public static class TeamDigests
{
    /// <summary>Meetings in the attendance chart.</summary>
    public const int AttendanceMeetings = 20;

    /// <summary>Recent actions (carry-over chains, most recently seen first) and recent ideas listed.</summary>
    public const int RecentItems = 20;

    /// <summary>The window of "recent" actions on the index.</summary>
    public static readonly TimeSpan RecentActionsWindow = TimeSpan.FromDays(90);

    public static async Task<IReadOnlyList<TeamSummary>> AllAsync(IDbContextFactory<TrackerDb> dbFactory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var since = now - RecentActionsWindow;
        var teams = await db.Teams.AsNoTracking()
            .Select(t => new
            {
                t.Id,
                t.Key,
                t.Name,
                Latest = db.Meetings.Where(m => m.TeamId == t.Id).OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
                    .Select(m => new { m.Id, m.Title }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var meetings = await db.Meetings.GroupBy(m => m.TeamId)
            .Select(g => new { g.Key, Count = g.Count(), First = g.Min(m => m.StartedAt), Last = g.Max(m => m.StartedAt) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var people = await db.Meetings.SelectMany(m => m.Attendance, (m, a) => new { m.TeamId, a.PersonId }).Distinct()
            .GroupBy(x => x.TeamId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var actions = await db.Items.Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null)
            .GroupBy(i => i.Meeting!.TeamId)
            .Select(g => new { g.Key, All = g.Count(), Recent = g.Count(i => i.Time >= since) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);

        return [.. teams
            .Select(t =>
            {
                var m = meetings.GetValueOrDefault(t.Id);
                var a = actions.GetValueOrDefault(t.Id);
                return new TeamSummary(
                    t.Id, t.Key, t.Name, m?.Count ?? 0, m?.First, m?.Last, t.Latest?.Id, t.Latest?.Title,
                    people.GetValueOrDefault(t.Id), a?.All ?? 0, a?.Recent ?? 0);
            })
            .OrderByDescending(t => t.LastMeeting).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    public static async Task<TeamDirectory> DirectoryAsync(IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => new TeamRef(t.Id, t.Key, true)).ToListAsync(cancellationToken);
        var aliases = await db.TeamAliases.AsNoTracking().Select(a => new { a.Name, a.TeamId }).ToListAsync(cancellationToken);
        var byKey = teams.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var byId = teams.ToDictionary(t => t.Id);
        var byAlias = aliases.Where(a => byId.ContainsKey(a.TeamId)).ToDictionary(a => a.Name, a => byId[a.TeamId], StringComparer.Ordinal);
        return new TeamDirectory(byKey, byAlias);
    }

    /// <summary>The team's digest; null when the team is gone (merged into another by an alias edit since it was looked up).</summary>
    public static async Task<TeamDigest?> TeamAsync(IDbContextFactory<TrackerDb> dbFactory, AccountabilityService accountability, int teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(accountability);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
            .Select(t => new { t.Key, t.Name, Aliases = t.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (team is null) return null;
        var span = await db.Meetings.Where(m => m.TeamId == teamId).GroupBy(m => m.TeamId)
            .Select(g => new { Count = g.Count(), First = g.Min(m => m.StartedAt), Last = g.Max(m => m.StartedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        var attendance = await db.Meetings.AsNoTracking().Where(m => m.TeamId == teamId)
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Take(AttendanceMeetings)
            .Select(m => new AttendancePoint(m.Id, m.StartedAt, m.Attendance.Select(a => a.PersonId).Distinct().Count()))
            .ToListAsync(cancellationToken);
        var header = new TeamHeader(
            teamId, team.Key, team.Name, team.Aliases.Where(a => !string.Equals(a, team.Key, StringComparison.Ordinal)).ToList(),
            span?.Count ?? 0, span?.First, span?.Last, attendance.FirstOrDefault()?.MeetingId);
        attendance.Reverse();
        var snapshot = await accountability.SnapshotAsync(cancellationToken);
        var chains = snapshot.Actions.Where(c => c.TeamId == teamId).Take(RecentItems).ToList();
        var ideas = await db.Items.AsNoTracking()
            .Where(i => i.Kind == ItemKind.Idea && i.RemovedAt == null && i.Meeting!.TeamId == teamId)
            .OrderByDescending(i => i.Time).ThenByDescending(i => i.Id)
            .Take(RecentItems)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        return new TeamDigest(
            header,
            attendance,
            await ItemRowsAsync(db, [.. chains.Select(c => c.Latest.ItemId)], cancellationToken),
            chains.ToDictionary(c => c.Latest.ItemId),
            await ItemRowsAsync(db, ideas, cancellationToken),
            await MembersAsync(db, teamId, cancellationToken));
    }

    public static async Task<PageOf<TimelineMeeting>> TimelineAsync(IDbContextFactory<TrackerDb> dbFactory, TeamHeader team, int page, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(team);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.Meetings.AsNoTracking()
            .Where(m => m.TeamId == team.Id)
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(m => new TimelineMeeting(
                m.Id,
                m.MeetingKey,
                m.Title,
                m.StartedAt,
                m.Topics.OrderBy(t => t.Ordinal).Select(t => t.Title).ToList(),
                m.Items.Count(i => i.Kind == ItemKind.Action && i.RemovedAt == null),
                m.Items.Count(i => i.Kind == ItemKind.Idea && i.RemovedAt == null),
                m.Attendance.Select(a => a.PersonId).Distinct().Count()))
            .ToListAsync(cancellationToken);
        return new PageOf<TimelineMeeting>(items, page, size, team.Meetings);
    }

    /// <summary>The items of <paramref name="ids"/>, in that order, with who raised them and whom they name.</summary>
    private static async Task<IReadOnlyList<ItemRow>> ItemRowsAsync(TrackerDb db, List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Items.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new ItemRow(
                i.Id,
                i.MeetingId,
                i.Number,
                i.Text,
                i.Time,
                i.Nick,
                db.People.Where(p => p.Id == i.PersonId).Select(p => new PersonRef(p.Id, p.Name)).FirstOrDefault(),
                Array.Empty<PersonRef>()))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var owners = await ItemOwnerQueries.OwnersAsync(db, ids, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id] with { Owners = [.. owners[id]] })];
    }

    private static async Task<IReadOnlyList<TeamMember>> MembersAsync(TrackerDb db, int teamId, CancellationToken cancellationToken)
    {
        var rows = await db.Meetings.Where(m => m.TeamId == teamId)
            .SelectMany(m => m.Attendance, (m, a) => new { a.PersonId, MeetingId = m.Id, m.StartedAt, a.Lines })
            .GroupBy(x => x.PersonId)
            .Select(g => new { g.Key, Meetings = g.Select(x => x.MeetingId).Distinct().Count(), Lines = g.Sum(x => x.Lines), Last = g.Max(x => x.StartedAt) })
            .Join(db.People, g => g.Key, p => p.Id, (g, p) => new TeamMember(new PersonRef(p.Id, p.Name), g.Meetings, g.Lines, g.Last))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Meetings).ThenByDescending(r => r.LastSeen).ThenBy(r => r.Person.Name, StringComparer.Ordinal)];
    }
}
