using MeetingTracker.Core.Storage;

namespace MeetingTracker.Core.Mail;

/// <summary>Puts messages into the outbox. The caller saves them with what caused them, in one transaction.</summary>
public sealed class Outbox(TimeProvider clock)
{
    public OutboxMessage Enqueue(TrackerDb db, string kind, string to, string subject, string textBody, string htmlBody, string? unsubscribeUrl = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = kind,
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            UnsubscribeUrl = unsubscribeUrl,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Outbox.Add(message);
        return message;
    }
}
