using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Reminders;

/// <summary>"Download my data": the account's reminder preferences, team digests, and the digests it was sent.</summary>
public sealed class RemindersPersonalData(TrackerDb db) : IPersonalDataSection
{
    public string Name => "reminders";

    public async Task<object> CollectAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var preferences = await db.ReminderPreferences.AsNoTracking().Where(p => p.AccountId == account.Id)
            .Select(p => new { Frequency = p.Frequency.ToString(), Day = p.Day.ToString(), p.Hour, p.TimeZone, p.UpdatedAt }).FirstOrDefaultAsync(cancellationToken);
        var teams = await db.TeamDigests.AsNoTracking().Where(t => t.AccountId == account.Id)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { Team = t.Name, s.CreatedAt }).ToListAsync(cancellationToken);
        var digests = await db.Digests.AsNoTracking().Where(d => d.AccountId == account.Id).OrderBy(d => d.Id)
            .Select(d => new { d.Kind, d.Period, d.ComposedAt, d.Items, Sent = d.OutboxMessageId != null }).ToListAsync(cancellationToken);
        var answers = await db.ReminderTokenUses.AsNoTracking().Where(u => u.AccountId == account.Id).OrderBy(u => u.UsedAt)
            .Select(u => new { u.UsedAt, u.EventId }).ToListAsync(cancellationToken);
        return new { Preferences = preferences, TeamDigests = teams, Digests = digests, OneClickAnswers = answers };
    }
}

/// <summary>"Download my data": everything the account said about actions and ideas (issue 12's events).</summary>
public sealed class EventsPersonalData(TrackerDb db) : IPersonalDataSection
{
    public string Name => "accountabilityEvents";

    public async Task<object> CollectAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return await db.AccountabilityEvents.AsNoTracking().Where(e => e.AccountId == account.Id).OrderBy(e => e.Id)
            .Select(e => new { e.Id, Subject = e.Subject.ToString(), e.SubjectId, Kind = e.Kind.ToString(), e.At, e.From, e.To, e.Note, e.Link, e.DueDate, e.Nick, e.Undoes })
            .ToListAsync(cancellationToken);
    }
}
