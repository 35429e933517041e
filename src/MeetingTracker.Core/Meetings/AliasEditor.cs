using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// Edits the alias tables and carries the change to what is stored: a team alias moved to another team takes its
/// meetings along (teams renamed over the years become one); a nick moved to another person takes its lines,
/// attendance, items and action ownership along. Later harvests resolve through the edited tables; the meetings
/// concerned take a new change number (ADR 19), so every node's search index takes them up again.
/// </summary>
public sealed class AliasEditor(IDbContextFactory<TrackerDb> dbFactory)
{
    /// <summary>Points the meeting name <paramref name="name"/> at the team <paramref name="teamKey"/> (made if new); returns the meetings moved.</summary>
    public async Task<int> MoveTeamAliasAsync(string name, string teamKey, CancellationToken cancellationToken)
    {
        var alias = TeamNames.Normalize(name);
        var key = TeamNames.Normalize(teamKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (team is null)
        {
            team = new Team { Key = key, Name = key };
            db.Teams.Add(team);
        }

        var row = await db.TeamAliases.SingleOrDefaultAsync(a => a.Name == alias, cancellationToken);
        if (row is null) db.TeamAliases.Add(new TeamAlias { Name = alias, Team = team });
        else row.Team = team;
        await db.SaveChangesAsync(cancellationToken);

        var meetings = await db.Meetings.Select(m => new { m.Id, m.MeetingName, m.MeetingKey }).ToListAsync(cancellationToken);
        var moved = meetings
            .Where(m => string.Equals(TeamNames.Normalize(m.MeetingName ?? NameOf(m.MeetingKey)), alias, StringComparison.Ordinal))
            .Select(m => m.Id)
            .ToList();
        await db.Meetings.Where(m => moved.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.TeamId, team.Id), cancellationToken);
        await db.Teams.Where(t => !db.Meetings.Any(m => m.TeamId == t.Id) && !db.TeamAliases.Any(a => a.TeamId == t.Id)).ExecuteDeleteAsync(cancellationToken);
        if (moved.Count > 0) await ChangeNumbers.StampAsync(db, moved, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return moved.Count;
    }

    /// <summary>
    /// Gives <paramref name="nick"/> to the person who uses <paramref name="personNick"/>; returns the stored rows
    /// (lines, attendance, items, ownerships) moved. Throws <see cref="InvalidOperationException"/> when no person uses
    /// <paramref name="personNick"/>.
    /// </summary>
    public async Task<int> MovePersonAliasAsync(string nick, string personNick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nick);
        ArgumentNullException.ThrowIfNull(personNick);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var aliases = await db.PersonAliases.ToListAsync(cancellationToken);
        var target = aliases.Find(a => string.Equals(a.Nick, personNick, StringComparison.OrdinalIgnoreCase))?.PersonId
            ?? throw new InvalidOperationException($"no person uses the nick '{personNick}'");
        var row = aliases.Find(a => string.Equals(a.Nick, nick, StringComparison.OrdinalIgnoreCase));
        var from = row?.PersonId;
        if (row is null) db.PersonAliases.Add(new PersonAlias { Nick = nick, PersonId = target });
        else row.PersonId = target;
        await db.SaveChangesAsync(cancellationToken);

        // Case-insensitive as IRC compares nicks; EF turns ToLower into SQL's lower(), which string.Equals cannot be.
#pragma warning disable CA1862
        var lower = nick.ToLowerInvariant();
        var saying = await db.Meetings.Where(m => db.Lines.Any(l => l.MeetingId == m.Id && l.Nick.ToLower() == lower) || db.Items.Any(i => i.MeetingId == m.Id && i.Nick.ToLower() == lower))
            .Select(m => m.Id).ToListAsync(cancellationToken);
        var moved = await db.Lines.Where(l => l.Nick.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(l => l.PersonId, target), cancellationToken);
        moved += await db.Items.Where(i => i.Nick.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(i => i.PersonId, target), cancellationToken);
        foreach (var attendance in await db.Attendance.Where(a => a.Nick.ToLower() == lower && a.PersonId != target).ToListAsync(cancellationToken))
        {
            attendance.PersonId = target;
            moved++;
        }

        var owners = await db.ItemOwners.Where(o => o.Nick.ToLower() == lower && o.PersonId != target).ToListAsync(cancellationToken);
        var owned = await db.ItemOwners.Where(o => o.PersonId == target).Select(o => o.ItemId).ToListAsync(cancellationToken);
        foreach (var owner in owners)
        {
            db.ItemOwners.Remove(owner);
            if (!owned.Contains(owner.ItemId)) db.ItemOwners.Add(new ItemOwner { ItemId = owner.ItemId, PersonId = target, Nick = owner.Nick });
            moved++;
        }
#pragma warning restore CA1862

        await db.SaveChangesAsync(cancellationToken);
        if (from is { } old && old != target && !await db.PersonAliases.AnyAsync(a => a.PersonId == old, cancellationToken))
        {
            // What people said of the old person (their claims) goes with its nicks to the person it merged into.
            await ClaimsOfMergedPeople.MoveAsync(db, old, target, cancellationToken);
            await db.People.Where(p => p.Id == old).ExecuteDeleteAsync(cancellationToken);
        }

        if (saying.Count > 0) await ChangeNumbers.StampAsync(db, saying, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return moved;
    }

    private static string NameOf(string meetingKey) => MeetingFileName.TryParse(meetingKey)?.Name ?? meetingKey;
}
