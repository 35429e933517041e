using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.People;

/// <summary>Builds the people digests that <see cref="PersonQueries"/> caches.</summary>
public static class PersonDigests
{
    public static async Task<PeopleRoster> RosterAsync(IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var aliases = (await db.PersonAliases.AsNoTracking().Select(a => new { a.PersonId, a.Nick }).ToListAsync(cancellationToken))
            .ToLookup(a => a.PersonId, a => a.Nick);
        var counts = await db.Attendance
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a.PersonId, a.MeetingId, a.Lines, m.StartedAt })
            .GroupBy(x => x.PersonId)
            .Select(g => new { g.Key, Meetings = g.Select(x => x.MeetingId).Distinct().Count(), Lines = g.Sum(x => x.Lines), Last = g.Max(x => x.StartedAt) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);

        var entries = people.Select(p =>
        {
            var c = counts.GetValueOrDefault(p.Id);
            var nicks = aliases[p.Id].Order(StringComparer.OrdinalIgnoreCase).ToList();
            return new PersonEntry(p.Id, p.Name, nicks, c?.Meetings ?? 0, c?.Lines ?? 0, c?.Last);
        }).ToList();

        // People are in id order: the first to claim a spelling keeps it (the lowest id wins).
        var byName = new Dictionary<string, PersonEntry>(StringComparer.Ordinal);
        var byNameIgnoringCase = new Dictionary<string, PersonEntry>(StringComparer.OrdinalIgnoreCase);
        var byNick = new Dictionary<string, PersonEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            byName.TryAdd(e.Name, e);
            byNameIgnoringCase.TryAdd(e.Name, e);
            foreach (var nick in e.Aliases) byNick.TryAdd(nick, e);
        }

        return new PeopleRoster(entries, byName, byNick, byNameIgnoringCase);
    }

    public static async Task<PersonDigest> PersonAsync(IDbContextFactory<TrackerDb> dbFactory, AccountabilityService accountability, PersonEntry person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(accountability);
        ArgumentNullException.ThrowIfNull(person);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = await db.Attendance.Where(a => a.PersonId == person.Id)
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { m.Id, m.TeamId, m.StartedAt, a.Lines })
            .ToListAsync(cancellationToken);

        // A person seen under two nicks in one meeting has two attendance rows: one meeting, lines added up.
        var meetings = rows.GroupBy(r => r.Id)
            .Select(g => new { Id = g.Key, g.First().TeamId, g.First().StartedAt, Lines = g.Sum(r => r.Lines) })
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .ToList();
        var teamIds = meetings.Select(m => m.TeamId).Distinct().ToList();
        var teamNames = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => (t.Key, t.Name), cancellationToken);
        var teams = meetings.GroupBy(m => m.TeamId)
            .Select(g => new PersonTeam(teamNames[g.Key].Key, teamNames[g.Key].Name, g.Count(), g.Sum(m => m.Lines), g.Max(m => m.StartedAt)))
            .OrderByDescending(t => t.Meetings).ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();

        var owned = (await db.ItemOwners.Where(o => o.PersonId == person.Id).Select(o => o.ItemId).ToListAsync(cancellationToken)).ToHashSet();
        var snapshot = await accountability.SnapshotAsync(cancellationToken);
        var chains = snapshot.Actions.Where(c => owned.Contains(c.Latest.ItemId)).ToList();
        var ideas = await db.Items.Where(i => i.Kind == ItemKind.Idea && i.PersonId == person.Id && i.RemovedAt == null)
            .OrderByDescending(i => i.Time).ThenByDescending(i => i.Id)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);

        var attended = meetings.Select(m => new AttendedRef(m.Id, m.Lines)).ToList();
        var entry = person with { Meetings = attended.Count, Lines = attended.Sum(a => a.Lines), LastSeen = meetings.FirstOrDefault()?.StartedAt };
        return new PersonDigest(entry, teams, attended, [.. chains.Select(c => c.Latest.ItemId)], chains.ToDictionary(c => c.Latest.ItemId), ideas);
    }
}
