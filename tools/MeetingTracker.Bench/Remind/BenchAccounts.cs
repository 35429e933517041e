using System.Globalization;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Remind;

/// <summary>
/// The reminded accounts: confirmed, created well before the measured moment, with the default preferences (weekly,
/// Monday 08:00 UTC: no preferences row) and one verified nick claim each, inserted in bulk. Their addresses are under
/// <see cref="Domain"/>, so a run can remove a previous run's accounts, digests and outbox messages and nothing else.
/// </summary>
public static class BenchAccounts
{
    public const string Domain = "remind.bench.example.org";

    /// <summary>How long before the measured moment the accounts (and their claims) were made.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromDays(60);

    /// <summary>The first Monday 08:00 UTC at least a day after the corpus's last meeting: every default digest is due.</summary>
    public static DateTimeOffset MeasuredMoment(DateTimeOffset lastMeeting)
    {
        var at = new DateTimeOffset(lastMeeting.UtcDateTime.Date, TimeSpan.Zero).AddHours(ReminderPreferences.DefaultHour);
        while (at.DayOfWeek != DayOfWeek.Monday || at < lastMeeting.AddDays(1)) at = at.AddDays(1);
        return at;
    }

    /// <summary>A person of the corpus, with a nick to claim and how many open actions they own at the moment.</summary>
    public sealed record Candidate(int PersonId, string Nick, int OpenActions);

    /// <summary>
    /// The people accounts claim, those owning the most open actions first. Only people who own open actions at
    /// <paramref name="data"/>'s moment (every digest then has something to say: the composer's and renderer's full
    /// path); everyone when nobody does.
    /// </summary>
    public static async Task<List<Candidate>> CandidatesAsync(TrackerDb db, ReminderData data, CancellationToken cancellationToken)
    {
        var nicks = (await db.PersonAliases.AsNoTracking().Select(a => new { a.PersonId, a.Nick, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Id).First().Nick);
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var all = people.Select(p => new Candidate(p.Id, nicks.GetValueOrDefault(p.Id) ?? p.Name, data.OwnedByPerson[p.Id].Count())).ToList();
        var owners = all.Where(c => c.OpenActions > 0).OrderByDescending(c => c.OpenActions).ThenBy(c => c.PersonId).ToList();
        return owners.Count > 0 ? owners : [.. all.OrderBy(c => c.PersonId)];
    }

    /// <summary>Removes the accounts of an earlier run (claims, preferences, digests and their outbox messages with them).</summary>
    public static async Task<int> DeleteAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        await ResetDigestsAsync(db, cancellationToken);
        var ids = db.Users.Where(a => a.NormalizedEmail!.EndsWith("@" + Domain.ToUpperInvariant())).Select(a => a.Id);
        await db.NickClaims.Where(c => ids.Contains(c.AccountId)).ExecuteDeleteAsync(cancellationToken);
        await db.ReminderPreferences.Where(p => ids.Contains(p.AccountId)).ExecuteDeleteAsync(cancellationToken);
        await db.TeamDigests.Where(t => ids.Contains(t.AccountId)).ExecuteDeleteAsync(cancellationToken);
        return await db.Users.Where(a => a.NormalizedEmail!.EndsWith("@" + Domain.ToUpperInvariant())).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Empties what a run wrote for the bench accounts: their digest rows, then their outbox messages.</summary>
    public static async Task<(int Digests, int Messages)> ResetDigestsAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        var ids = db.Users.Where(a => a.NormalizedEmail!.EndsWith("@" + Domain.ToUpperInvariant())).Select(a => a.Id);
        var digests = await db.Digests.Where(d => ids.Contains(d.AccountId)).ExecuteDeleteAsync(cancellationToken);
        var messages = await db.Outbox.Where(m => m.To.EndsWith("@" + Domain)).ExecuteDeleteAsync(cancellationToken);
        return (digests, messages);
    }

    /// <summary>Inserts <paramref name="count"/> accounts, the n-th claiming candidate n modulo their number; returns the first's id.</summary>
    public static async Task<string> CreateAsync(TrackerDb db, IReadOnlyList<Candidate> candidates, int count, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0) throw new InvalidOperationException("the corpus has no people");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        string? first = null;
        for (var n = 0; n < count; n++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"reader{n:D5}@{Domain}");
            var account = new Account
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = string.Create(CultureInfo.InvariantCulture, $"Reader {n}"), CreatedAt = createdAt,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            first ??= account.Id;
            var person = candidates[n % candidates.Count];
            db.Users.Add(account);
            db.NickClaims.Add(new NickClaim
            {
                AccountId = account.Id, PersonId = person.PersonId, Nick = person.Nick, Status = ClaimStatus.Verified,
                VerifiedBy = ClaimVerification.Admin, CreatedAt = createdAt, DecidedAt = createdAt, Note = "remind benchmark",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return first ?? throw new ArgumentOutOfRangeException(nameof(count), "no account to make");
    }
}
