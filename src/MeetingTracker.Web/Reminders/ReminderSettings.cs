using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Reminders;

/// <summary>A team the account chairs, as the preferences offer its digest.</summary>
public sealed record ChairedTeam(int Id, string Key, string Name, bool Subscribed, DateTimeOffset? NextMeeting);

/// <summary>An account's reminder preferences as the account page shows them.</summary>
public sealed record ReminderSettingsView(ReminderPreferences Preferences, bool Eligible, DateTimeOffset? NextDigest, IReadOnlyList<ChairedTeam> Teams);

/// <summary>
/// Reads and saves an account's reminder preferences (<see cref="ReminderPreferences"/>) and its team digests. Team
/// digests are offered for the teams the account chairs (the site's chair rule: one of its verified nicks among the
/// chairs of the team's latest meetings); a team it does not chair cannot be added.
/// </summary>
public sealed class ReminderSettings(IDbContextFactory<TrackerDb> dbs, TimeProvider clock)
{
    public async Task<ReminderSettingsView> ReadAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.CreatedAt, a.EmailConfirmed }).FirstAsync(cancellationToken);
        var preferences = await db.ReminderPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, cancellationToken)
            ?? ReminderPreferences.Default(accountId, account.CreatedAt);
        var people = await Claims.VerifiedPeopleAsync(db, accountId, cancellationToken);
        var now = clock.GetUtcNow();
        var next = preferences.Frequency == DigestFrequency.Off || people.Count == 0 ? (DateTimeOffset?)null : DigestSchedule.Next(preferences, now);
        var subscribed = await db.TeamDigests.AsNoTracking().Where(t => t.AccountId == accountId).Select(t => t.TeamId).ToListAsync(cancellationToken);
        var teams = new List<ChairedTeam>();
        foreach (var (id, key, name, starts) in await ChairedAsync(db, people, cancellationToken))
        {
            teams.Add(new ChairedTeam(id, key, name, subscribed.Contains(id), TeamCadence.NextMeeting(starts, now)));
        }

        return new ReminderSettingsView(preferences, account.EmailConfirmed && people.Count > 0, next, teams);
    }

    /// <summary>Saves the preferences; returns the problem with the input, or null.</summary>
    public async Task<string?> SaveAsync(string accountId, DigestFrequency frequency, DayOfWeek day, int hour, string? timeZone, IReadOnlyCollection<int> teamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        if (hour is < 0 or > 23) return "The hour must be between 0 and 23.";
        if (!Enum.IsDefined(frequency) || !Enum.IsDefined(day)) return "Choose how often and which day.";
        if (DigestSchedule.Zone(timeZone) is null) return $"'{timeZone}' is not a time zone name (such as Europe/Berlin or America/New_York).";
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var row = await db.ReminderPreferences.FirstOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (row is null)
        {
            row = new ReminderPreferences { AccountId = accountId };
            db.ReminderPreferences.Add(row);
        }

        (row.Frequency, row.Day, row.Hour, row.TimeZone, row.UpdatedAt) = (frequency, day, hour, timeZone!.Trim(), now);
        var people = await Claims.VerifiedPeopleAsync(db, accountId, cancellationToken);
        var chaired = (await ChairedAsync(db, people, cancellationToken)).Select(t => t.Id).ToHashSet();
        var current = await db.TeamDigests.Where(t => t.AccountId == accountId).ToListAsync(cancellationToken);

        // Only teams offered (chaired) change: a subscription to a team the account no longer chairs stays, unused.
        db.TeamDigests.RemoveRange(current.Where(t => chaired.Contains(t.TeamId) && !teamIds.Contains(t.TeamId)));
        foreach (var id in teamIds.Where(chaired.Contains).Except(current.Select(t => t.TeamId)))
        {
            db.TeamDigests.Add(new TeamDigestSubscription { AccountId = accountId, TeamId = id, CreatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Turns one digest off (the unsubscribe link): the personal one, or one team's. Idempotent.</summary>
    public async Task<bool> TurnOffAsync(string accountId, string kind, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken)) return false;
        if (DigestKinds.TeamOf(kind) is { } teamId)
        {
            await db.TeamDigests.Where(t => t.AccountId == accountId && t.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
            return true;
        }

        if (kind != DigestKinds.Personal) return false;
        var row = await db.ReminderPreferences.FirstOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (row is null)
        {
            row = new ReminderPreferences { AccountId = accountId };
            db.ReminderPreferences.Add(row);
        }

        if (row.Frequency != DigestFrequency.Off)
        {
            (row.Frequency, row.UpdatedAt) = (DigestFrequency.Off, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether the digest the link names is already off.</summary>
    public async Task<bool> IsOffAsync(string accountId, string kind, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (DigestKinds.TeamOf(kind) is { } teamId) return !await db.TeamDigests.AnyAsync(t => t.AccountId == accountId && t.TeamId == teamId, cancellationToken);
        return await db.ReminderPreferences.AnyAsync(p => p.AccountId == accountId && p.Frequency == DigestFrequency.Off, cancellationToken);
    }

    /// <summary>The name of the team a team digest's kind names.</summary>
    public async Task<string?> TeamNameAsync(string kind, CancellationToken cancellationToken)
    {
        if (DigestKinds.TeamOf(kind) is not { } teamId) return null;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<List<(int Id, string Key, string Name, List<DateTimeOffset> Starts)>> ChairedAsync(TrackerDb db, List<int> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0) return [];
        var nicks = new HashSet<string>(
            await db.PersonAliases.AsNoTracking().Where(a => people.Contains(a.PersonId)).Select(a => a.Nick).ToListAsync(cancellationToken),
            StringComparer.OrdinalIgnoreCase);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Key, t.Name }).ToListAsync(cancellationToken);
        var chaired = new List<(int, string, string, List<DateTimeOffset>)>();
        foreach (var team in teams.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            var recent = await db.Meetings.AsNoTracking().Where(m => m.TeamId == team.Id).OrderByDescending(m => m.StartedAt).Take(12)
                .Select(m => new { m.StartedAt, m.Chairs }).ToListAsync(cancellationToken);
            if (recent.Take(TeamChairs.RecentMeetings).Any(m => m.Chairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(nicks.Contains)))
            {
                chaired.Add((team.Id, team.Key, team.Name, [.. recent.Select(m => m.StartedAt)]));
            }
        }

        return chaired;
    }
}
