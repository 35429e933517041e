using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// Meeting name → team, for one harvest run: the name is normalised (<see cref="TeamNames.Normalize"/>) and looked up in
/// the alias table; an unknown name makes a new team with that key. Same life cycle as <see cref="PeopleDirectory"/>.
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

    /// <summary>Sets <paramref name="meeting"/>'s team from its name, adding a new team to <paramref name="db"/> when needed.</summary>
    public void Assign(TrackerDb db, Meeting meeting, string meetingName)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        var key = TeamNames.Normalize(meetingName);
        if (known.TryGetValue(key, out var id))
        {
            meeting.TeamId = id;
            meeting.Team = null;
            return;
        }

        if (!pending.TryGetValue(key, out var team))
        {
            team = new Team { Key = key, Name = key };
            team.Aliases.Add(new TeamAlias { Name = key });
            db.Teams.Add(team);
            pending[key] = team;
        }

        meeting.Team = team;
    }

    public void Commit()
    {
        foreach (var (key, team) in pending) known[key] = team.Id;
        pending.Clear();
    }

    public void Discard() => pending.Clear();
}
