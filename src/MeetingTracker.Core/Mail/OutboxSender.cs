using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace MeetingTracker.Core.Mail;

/// <summary>
/// Delivers the outbox: every due <see cref="OutboxStatus.Pending"/> message is marked <see cref="OutboxStatus.Sending"/>
/// and committed before it is handed over, then <see cref="OutboxStatus.Sent"/>. A message is never sent twice: one
/// found still Sending after <see cref="MailOptions.SendingTimeout"/> was lost with its sender and becomes
/// <see cref="OutboxStatus.Unknown"/>, for an admin to look at. Failures are tried again after 1, 2, 4 … minutes, and
/// after <see cref="MailOptions.MaxAttempts"/> the message is <see cref="OutboxStatus.Failed"/>.
/// </summary>
public sealed partial class OutboxSender(
    IDbContextFactory<TrackerDb> dbs,
    IMailDelivery delivery,
    MailOptions options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    private const int BatchSize = 50;
    private const int MaxErrorLength = 2000;

    private readonly MailboxAddress from = MailboxAddress.Parse(options.From);

    /// <summary>The loop the web host runs: looks for due messages every <see cref="MailOptions.PollInterval"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (delivery is PickupFolderDelivery pickup)
        {
            LogPickup(pickup.Folder);
        }
        else
        {
            LogSmtp(delivery.Target);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await MarkLostAsync(cancellationToken).ConfigureAwait(false);
                await SendDueAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(e);
            }

            try
            {
                await Task.Delay(options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Messages left Sending longer than the time-out become Unknown (logged, never resent). Returns how many.</summary>
    public async Task<int> MarkLostAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.SendingTimeout;
        var db = await dbs.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var lost = await db.Outbox.Where(m => m.Status == OutboxStatus.Sending && m.NextAttemptAt <= cutoff).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var message in lost)
            {
                message.Status = OutboxStatus.Unknown;
                message.LastError = "the sender stopped while handing it over: it may or may not have been delivered, and is not sent again";
                LogUnknown(message.Id, message.Kind, message.To);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return lost.Count;
        }
    }

    /// <summary>Sends every message due now, oldest first. Returns how many were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var tried = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            List<long> due;
            var db = await dbs.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                due = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var id in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await SendOneAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    tried++;
                }
            }

            if (due.Count < BatchSize)
            {
                return tried;
            }
        }
    }

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        var db = await dbs.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Committed before the message leaves; the condition lets one sender win when several run.
            var now = clock.GetUtcNow();
            var claimed = await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1),
                    cancellationToken)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                return false;
            }

            var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
            await DeliverAsync(message, cancellationToken).ConfigureAwait(false);

            // Whatever happened is recorded even when the host is stopping.
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await delivery.DeliverAsync(message, OutboxMime.Build(message, from), cancellationToken).ConfigureAwait(false);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
            LogSent(message.Id, message.Kind, message.To);
        }
        catch (ParseException e)
        {
            Fail(message, $"not an address: {e.Message}");
        }
        catch (MailNotSentException e) when (e.Permanent || message.Attempts >= options.MaxAttempts)
        {
            Fail(message, e.Message);
        }
        catch (MailNotSentException e)
        {
            message.Status = OutboxStatus.Pending;
            message.NextAttemptAt = clock.GetUtcNow() + options.RetryDelay(message.Attempts);
            message.LastError = Shorten(e.Message);
            LogRetry(message.Id, message.Attempts, message.NextAttemptAt, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Lost while on its way: the server may have it. Reported, never resent.
            message.Status = OutboxStatus.Unknown;
            message.LastError = Shorten($"lost while being handed over: {e.Message}");
            LogUnknownAfter(e, message.Id, message.Kind, message.To);
        }
    }

    private void Fail(OutboxMessage message, string error)
    {
        message.Status = OutboxStatus.Failed;
        message.LastError = Shorten(error);
        LogFailed(message.Id, message.Kind, message.To, message.Attempts, error);
    }

    private static string Shorten(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];

    [LoggerMessage(Level = LogLevel.Information, Message = "mail is written to {Folder} (no SMTP host configured)")]
    private partial void LogPickup(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "mail is sent through {Server}")]
    private partial void LogSmtp(string server);

    [LoggerMessage(Level = LogLevel.Information, Message = "mail {Id} ({Kind}) to {To} sent")]
    private partial void LogSent(long id, string kind, string to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mail {Id}: attempt {Attempts} failed, next at {NextAttemptAt:o}: {Error}")]
    private partial void LogRetry(long id, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "mail {Id} ({Kind}) to {To} failed after {Attempts} attempts: {Error}")]
    private partial void LogFailed(long id, string kind, string to, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "mail {Id} ({Kind}) to {To} was being sent when its sender stopped: it may or may not have been delivered and is not sent again")]
    private partial void LogUnknown(long id, string kind, string to);

    [LoggerMessage(Level = LogLevel.Error, Message = "mail {Id} ({Kind}) to {To} was lost while being handed over: it may or may not have been delivered and is not sent again")]
    private partial void LogUnknownAfter(Exception e, long id, string kind, string to);

    [LoggerMessage(Level = LogLevel.Error, Message = "the outbox could not be read; it is tried again shortly")]
    private partial void LogPassFailed(Exception e);
}
