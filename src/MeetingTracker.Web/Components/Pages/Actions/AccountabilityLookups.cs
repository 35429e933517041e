using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>The teams (a few dozen rows) and the person a filter names, as the actions and ideas lists resolve them.</summary>
public static class AccountabilityLookups
{
    public sealed record TeamRow(int Id, string Key, string Name)
    {
        public TeamLink Link => new(Key, Name);
    }

    /// <summary>Every team by name.</summary>
    public static Task<List<TeamRow>> TeamsAsync(TrackerDb db, CancellationToken cancellationToken)
        => db.Teams.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Key).Select(t => new TeamRow(t.Id, t.Key, t.Name)).ToListAsync(cancellationToken);

    /// <summary>The team a filter names: by key, else by the key or alias its normalised form gives; null when none.</summary>
    public static async Task<TeamRow?> FindTeamAsync(TrackerDb db, IReadOnlyList<TeamRow> teams, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teams);
        return await TeamNames.FindAsync(db, key, cancellationToken) is { } found ? teams.FirstOrDefault(t => t.Id == found.Id) : null;
    }

    /// <summary>The person a filter names: by name, else by any nick (case-insensitively, as IRC compares them).</summary>
    public static async Task<int?> FindPersonAsync(TrackerDb db, string nameOrNick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrNick);
        var text = nameOrNick.Trim();
        var byName = await db.People.Where(p => p.Name == text).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (byName is not null) return byName;

        // EF turns ToLower into SQL's lower(), which string.Equals with a comparison cannot be.
#pragma warning disable CA1862
        var lower = text.ToLowerInvariant();
        return await db.PersonAliases.Where(a => a.Nick.ToLower() == lower).Select(a => (int?)a.PersonId).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
    }
}
