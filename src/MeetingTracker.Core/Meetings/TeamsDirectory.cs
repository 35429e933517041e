using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// Meeting name → team, for one harvest run: the name is normalised (<see cref="TeamNames.Normalize"/>) and looked up in
/// the alias table; an unknown name makes a new team with that key. Same life cycle as <see cref="PeopleDirectory"/>:
/// <see cref="Resolve"/>, <see cref="SaveNewAsync"/> in the transaction, then <see cref="IdOf"/>; <see cref="Commit"/> or
/// <see cref="Discard"/> with the transaction.
/// </summary>
public sealed class TeamsDirectory
{
    private readonly Dictionary<string, int> known;
    private readonly Dictionary<string, Team> pending = new(StringComparer.Ordinal);

    private TeamsDirectory(Dictionary<string, int> known) => this.known = known;

    public static async Task<TeamsDirectory> LoadAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        var directory = new TeamsDirectory(new Dictionary<string, int>(StringComparer.Ordinal));
        await directory.ReloadAsync(db, cancellationToken);
        return directory;
    }

    /// <summary>Forgets everything and reads the alias table again (another harvest may have added to it).</summary>
    public async Task ReloadAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var aliases = await db.TeamAliases.AsNoTracking().Select(a => new { a.Name, a.TeamId }).ToListAsync(cancellationToken);
        pending.Clear();
        known.Clear();
        foreach (var a in aliases)
        {
            known[a.Name] = a.TeamId;
        }
    }

    /// <summary>Makes a new team for a meeting name no team has yet (inserted by <see cref="SaveNewAsync"/>).</summary>
    public void Resolve(string meetingName)
    {
        var key = TeamNames.Normalize(meetingName);
        if (!known.ContainsKey(key) && !pending.ContainsKey(key)) pending[key] = new Team { Key = key, Name = key };
    }

    /// <summary>Inserts the new teams not saved yet, each with its alias, in the caller's transaction.</summary>
    internal async Task SaveNewAsync(RowInserts rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var team in pending.Values.Where(t => t.Id == 0))
        {
            await rows.InsertAsync(team, readKey: true, cancellationToken);
            await rows.InsertAsync(new TeamAlias { Name = team.Key, TeamId = team.Id }, readKey: false, cancellationToken);
        }
    }

    /// <summary>The id of a meeting name's team, once <see cref="Resolve"/>d and saved.</summary>
    public int IdOf(string meetingName)
    {
        var key = TeamNames.Normalize(meetingName);
        if (known.TryGetValue(key, out var id)) return id;
        if (pending.TryGetValue(key, out var team) && team.Id != 0) return team.Id;
        throw new InvalidOperationException($"team of '{meetingName}' is not saved yet: resolve it and save first");
    }

    public void Commit()
    {
        foreach (var (key, team) in pending) known[key] = team.Id;
        pending.Clear();
    }

    public void Discard() => pending.Clear();
}
