using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Projects;

/// <summary>
/// For one harvest run: which team's rules (<see cref="TeamReferences"/>) a parsed meeting's mentions are found under.
/// The meeting's name gives its team as the harvest's team directory resolves it (its normalised name, through the
/// alias table as stored when the run began; a team the run creates goes by that name alone). Read-only, so the
/// harvest's parallel workers share it.
/// </summary>
public sealed class TeamRules
{
    private readonly TeamReferences references;
    private readonly Dictionary<string, List<string>> namesByAlias;

    private TeamRules(TeamReferences references, Dictionary<string, List<string>> namesByAlias)
        => (this.references, this.namesByAlias) = (references, namesByAlias);

    /// <summary>The run's rules, or null when reference finding is off.</summary>
    public static async Task<TeamRules?> LoadAsync(TeamReferences references, TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(db);
        if (!references.Enabled) return null;
        var teams = await TeamReferences.TeamNamesAsync(db, cancellationToken);
        var byAlias = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var names in teams.Values)
        {
            foreach (var name in names) byAlias[name] = names;
        }

        return new TeamRules(references, byAlias);
    }

    /// <summary>What each message of the meeting mentions (<see cref="MeetingMentions.Messages"/>), and the rules' stamp.</summary>
    public (IReadOnlyList<IReadOnlyList<ProjectReference>> Found, string Stamp) Find(ParsedMeeting parsed, string fileName)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var key = TeamNames.Normalize(parsed.MeetingName ?? fileName);
        var (finder, stamp) = references.For(namesByAlias.GetValueOrDefault(key) ?? [key]);
        return (finder.FindInMeeting(MeetingMentions.Messages(parsed)), stamp);
    }
}
