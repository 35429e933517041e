using System.Security.Cryptography;
using System.Text;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Projects;

/// <summary>
/// The reference finder of each team (the built-in forms, plus the team's own patterns when
/// <c>MeetingTracker:Teams:{team}:References</c> names the team by its key or one of its names), and the stamp a
/// meeting's mentions carry (<see cref="Meetings.Meeting.ReferencesStamp"/>): the rules' version and the team's
/// patterns, so mentions found under other rules are found again (<see cref="MentionsRefresh"/>).
/// </summary>
public sealed class TeamReferences
{
    /// <summary>The version of the built-in rules (<see cref="ReferenceFinder"/>, <see cref="ForgeUrl"/>); raise it when they change.</summary>
    public const int RulesVersion = 2;

    private readonly Dictionary<string, (ReferenceFinder Finder, string Stamp)> configured = new(StringComparer.Ordinal);
    private readonly (ReferenceFinder Finder, string Stamp) builtIn = (new ReferenceFinder(), RulesVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public TeamReferences(IOptions<ReferenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        Enabled = o.References.Enabled;
        foreach (var (team, settings) in o.Teams)
        {
            if (settings.References.Count == 0) continue;
            var text = string.Join('\n', settings.References.Select(p => p.Pattern + '\t' + p.Url));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
            configured[TeamNames.Normalize(team)] = (new ReferenceFinder(settings.References), $"{builtIn.Stamp}:{hash}");
        }
    }

    /// <summary><c>MeetingTracker:References:Enabled</c>.</summary>
    public bool Enabled { get; }

    /// <summary>The finder and stamp of the team that goes by these names (its key and aliases); the first configured one wins.</summary>
    public (ReferenceFinder Finder, string Stamp) For(IEnumerable<string> teamNames)
    {
        ArgumentNullException.ThrowIfNull(teamNames);
        foreach (var name in teamNames)
        {
            if (configured.TryGetValue(TeamNames.Normalize(name), out var found)) return found;
        }

        return builtIn;
    }

    /// <summary>Each stored team's names (key first, then aliases), to pick its finder with <see cref="For"/>.</summary>
    public static async Task<Dictionary<int, List<string>>> TeamNamesAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Key }).ToListAsync(cancellationToken);
        var aliases = (await db.TeamAliases.AsNoTracking().Select(a => new { a.TeamId, a.Name }).ToListAsync(cancellationToken)).ToLookup(a => a.TeamId, a => a.Name);
        return teams.ToDictionary(t => t.Id, t => new List<string> { t.Key }.Concat(aliases[t.Id].Where(a => a != t.Key)).ToList());
    }
}
