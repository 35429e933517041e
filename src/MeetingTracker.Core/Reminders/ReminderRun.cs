using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Reminders;

/// <summary>What a run is asked to do: at which moment, for whom, and whether to queue anything.</summary>
/// <param name="Root">The site's public address, under which the mail's links point.</param>
public sealed record ReminderRequest(DateTimeOffset At, Uri Root, bool DryRun = false, string? Account = null);

public enum DigestOutcome
{
    Queued,
    AlreadySent,
    NothingToSay,

    /// <summary>Dry run: it would be queued.</summary>
    WouldQueue,
}

/// <summary>One digest due at the run's moment and what became of it.</summary>
public sealed record DigestResult(string Email, string Kind, string Period, DigestOutcome Outcome, string Summary);

public sealed record ReminderReport(IReadOnlyList<DigestResult> Digests, int Accounts, bool DryRun = false)
{
    public int Queued => Digests.Count(d => d.Outcome is DigestOutcome.Queued or DigestOutcome.WouldQueue);

    public int AlreadySent => Digests.Count(d => d.Outcome == DigestOutcome.AlreadySent);

    public int NothingToSay => Digests.Count(d => d.Outcome == DigestOutcome.NothingToSay);

    /// <summary>The contract line the command line ends with (a dry run says what it would queue, in its own words).</summary>
    public string Line => DryRun
        ? $"reminders (dry run): {Queued} would be queued, {AlreadySent} already sent, {NothingToSay} with nothing to say"
        : $"reminders: {Queued} queued, {AlreadySent} already sent, {NothingToSay} with nothing to say";
}

/// <summary>
/// One pass of the reminders (the hourly <c>reminders</c> job and <c>meetingtracker remind</c>): every digest whose
/// slot has come (<see cref="DigestSchedule"/>) and that no run composed yet is composed, and, unless it has nothing to
/// say, queued in the outbox. Exactly once: the digest's row (account, kind, period: a unique key) and its outbox
/// message are saved in one transaction, so a second run, a retry, a restarted host or another node either finds the
/// row and does nothing, or loses the race on the key and rolls back; a process killed before the commit leaves
/// nothing, and the next run composes it again.
/// </summary>
public sealed partial class ReminderRun(
    IDbContextFactory<TrackerDb> dbs, AccountabilityService accountability, EventLedger ledger, Outbox outbox, ReminderTokens tokens,
    TimeProvider clock, ILogger<ReminderRun> logger)
{
    public async Task<ReminderReport> RunAsync(ReminderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (data, recorded) = await LoadAsync(request.At, request.Account, cancellationToken);
        // Answer links are dated when the mail is composed (an admin's run "as of" an earlier moment still gives 14 days).
        var links = new ReminderLinks(request.Root, tokens, clock.GetUtcNow());
        var results = new List<DigestResult>();
        var emails = data.Accounts.ToDictionary(a => a.Id, a => a.Email, StringComparer.Ordinal);
        foreach (var (content, existing) in Due(data, recorded))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var summary = content is null ? string.Empty : DigestRenderer.Summary(content);
            DigestOutcome outcome;
            if (existing is { } row)
            {
                // By what it said, not its outbox row (an admin may clear old outbox rows: the digest was still sent).
                outcome = row.Items == 0 ? DigestOutcome.NothingToSay : DigestOutcome.AlreadySent;
                summary = row.Items == 0 ? "nothing to say" : $"already sent ({row.Items} items)";
            }
            else if (request.DryRun)
            {
                outcome = content!.IsEmpty ? DigestOutcome.NothingToSay : DigestOutcome.WouldQueue;
            }
            else
            {
                outcome = await QueueAsync(content!, links, request.At, cancellationToken);
                if (outcome == DigestOutcome.AlreadySent) summary = "already sent (by another run)";
            }

            var key = existing ?? new DigestRecord { AccountId = content!.Account.Id, Kind = content.Kind, Period = content.Period };
            results.Add(new DigestResult(emails[key.AccountId], key.Kind, key.Period, outcome, summary));
        }

        var report = new ReminderReport(results, data.Accounts.Count, request.DryRun);
        LogRun(request.At, report.Queued, report.AlreadySent, report.NothingToSay, request.DryRun);
        return report;
    }

    /// <summary>Only composes (the benchmark, the preview): every digest due at <paramref name="at"/>, recorded or not.</summary>
    public async Task<IReadOnlyList<DigestContent>> ComposeAsync(DateTimeOffset at, string? account, CancellationToken cancellationToken)
    {
        var (data, recorded) = await LoadAsync(at, account, cancellationToken);
        return [.. Due(data, recorded, includeRecorded: true).Select(d => d.Content).OfType<DigestContent>()];
    }

    private async Task<(ReminderData Data, Dictionary<(string, string, string), DigestRecord> Recorded)> LoadAsync(DateTimeOffset at, string? account, CancellationToken cancellationToken)
    {
        var snapshot = await accountability.SnapshotAsync(cancellationToken);
        var view = await ledger.ReadAsync(cancellationToken);
        var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using (db.ConfigureAwait(false))
        {
            var data = await ReminderData.LoadAsync(db, snapshot, view, at, accountability.DueDays, accountability.FollowUpDays, account, cancellationToken);
            var ids = data.Accounts.Select(a => a.Id).ToList();
            var recorded = (await db.Digests.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.AccountId) && d.ComposedAt >= at.AddDays(-40)).ToListAsync(cancellationToken))
                .ToDictionary(d => (d.AccountId, d.Kind, d.Period));
            return (data, recorded);
        }
    }

    /// <summary>The digests due at the data's moment: composed unless a run already recorded them.</summary>
    private static IEnumerable<(DigestContent? Content, DigestRecord? Existing)> Due(
        ReminderData data, Dictionary<(string, string, string), DigestRecord> recorded, bool includeRecorded = false)
    {
        var now = data.Now;
        foreach (var account in data.Accounts)
        {
            var preferences = account.Preferences;
            var since = preferences.UpdatedAt > account.CreatedAt ? preferences.UpdatedAt : account.CreatedAt;
            if (DigestSchedule.Latest(preferences, now) is { } slot && slot.At >= since)
            {
                var existing = recorded.GetValueOrDefault((account.Id, DigestKinds.Personal, slot.Period));
                if (existing is not null && !includeRecorded)
                {
                    yield return (null, existing);
                }
                else
                {
                    // What is new is new since the last digest, or since the slot before this one.
                    var last = data.LastDigest.TryGetValue((account.Id, DigestKinds.Personal), out var at) && at < slot.At ? at
                        : slot.At.AddDays(preferences.Frequency == DigestFrequency.Daily ? -1 : -7);
                    yield return (DigestComposer.Personal(data, account, slot, last), existing);
                }
            }

            foreach (var subscription in account.Teams)
            {
                if (!data.Teams.TryGetValue(subscription.TeamId, out var team) || !data.Chairs(account, team.Id)) continue;
                if (TeamCadence.NextMeeting(data.Meetings[team.Id].Starts, now) is not { } next) continue;
                var teamSlot = DigestSchedule.TeamSlot(preferences, next);
                if (teamSlot.At > now || teamSlot.At < subscription.CreatedAt) continue;
                var kind = DigestKinds.Team(team.Id);
                var existing = recorded.GetValueOrDefault((account.Id, kind, teamSlot.Period));

                // One per week before a meeting, even when the expected date moves (the team met a day late).
                if (existing is null && data.LastDigest.TryGetValue((account.Id, kind), out var lastTeam) && lastTeam > next.AddDays(-8)) continue;
                if (existing is not null && !includeRecorded)
                {
                    yield return (null, existing);
                }
                else
                {
                    yield return (DigestComposer.ForTeam(data, account, team, teamSlot, next), existing);
                }
            }
        }
    }

    private async Task<DigestOutcome> QueueAsync(DigestContent content, ReminderLinks links, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using (db.ConfigureAwait(false))
        {
            var row = new DigestRecord { AccountId = content.Account.Id, Kind = content.Kind, Period = content.Period, ComposedAt = at, Items = content.Items };
            db.Digests.Add(row);
            if (!content.IsEmpty)
            {
                var mail = DigestRenderer.Render(content, links);
                var message = outbox.Enqueue(db, content.Kind, content.Account.Email, mail.Subject, mail.Text, mail.Html, mail.UnsubscribeUrl);
                row.OutboxMessage = message;
            }

            try
            {
                // One SaveChanges: the row and its message commit together (EF's transaction), or neither does.
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return content.IsEmpty ? DigestOutcome.NothingToSay : DigestOutcome.Queued;
            }
            catch (DbUpdateException)
            {
                // Another run (a retry, another node) committed the same key first: it sends that one.
                if (await RecordedAsync(content, cancellationToken).ConfigureAwait(false)) return DigestOutcome.AlreadySent;
                throw;
            }
        }
    }

    private async Task<bool> RecordedAsync(DigestContent content, CancellationToken cancellationToken)
    {
        var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using (db.ConfigureAwait(false))
        {
            return await db.Digests.AnyAsync(d => d.AccountId == content.Account.Id && d.Kind == content.Kind && d.Period == content.Period, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "reminders at {At:o}: {Queued} queued, {AlreadySent} already sent, {NothingToSay} with nothing to say (dry run: {DryRun})")]
    private partial void LogRun(DateTimeOffset at, int queued, int alreadySent, int nothingToSay, bool dryRun);
}
