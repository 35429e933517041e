using System.Text;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>How a meeting name (or channel) becomes a team key, as mote's <c>sanitize_name</c> does and more.</summary>
public static partial class TeamNames
{
    // mote: \s*-?\s*\(?\d+-\d+-\d+\)?$ (a date someone typed into #meetingname).
    [GeneratedRegex(@"\s*-?\s*\(?\d+-\d+-\d+\)?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingDate();

    /// <summary>
    /// Lower case, <c>#</c> dropped, <c>_</c>, spaces and <c>-</c> runs made one <c>-</c>, a trailing date removed:
    /// <c>Fedora_QA</c>, <c>fedora-qa</c> and <c>fedora qa (2024-01-08)</c> all give <c>fedora-qa</c>.
    /// Empty input gives <c>unnamed</c>.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = TrailingDate().Replace(name.Trim().TrimStart('#'), string.Empty).ToLowerInvariant();
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var dash = c is '_' or '-' or ' ' or '\t' or '/' or '.';
            if (dash)
            {
                if (b.Length > 0 && b[^1] != '-') b.Append('-');
            }
            else if (!char.IsControl(c))
            {
                b.Append(c);
            }
        }

        var key = b.ToString().Trim('-');
        return key.Length == 0 ? "unnamed" : key;
    }

    /// <summary>
    /// The team a name given by a person (a filter, a command's argument) stands for: its key as given, else the key or
    /// an alias its normalised form gives; null when no team goes by it.
    /// </summary>
    public static async Task<(int Id, string Key, string Name)?> FindAsync(TrackerDb db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        var key = Normalize(name);
        var team = await db.Teams.AsNoTracking().Where(t => t.Key == name || t.Key == key || t.Aliases.Any(a => a.Name == key))
            .OrderBy(t => t.Key == name ? 0 : t.Key == key ? 1 : 2).Select(t => new { t.Id, t.Key, t.Name }).FirstOrDefaultAsync(cancellationToken);
        return team is null ? null : (team.Id, team.Key, team.Name);
    }
}
