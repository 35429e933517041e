namespace MeetingTracker.Core.Mail;

/// <summary>Where a message stands. A message is marked <see cref="Sending"/> before it is handed to SMTP, so a crash
/// leaves it there: such a message's fate is unknown and it is reported (<see cref="Unknown"/>), never sent twice.</summary>
public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Unknown,
}

/// <summary>
/// A message the site sends, stored in the same transaction as what caused it and delivered later by the outbox
/// service (SMTP through MailKit, or a <c>.eml</c> file in the pickup folder).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What caused it ("confirm-email", "reset-password", …), for the admin page and tests.</summary>
    public required string Kind { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>A link that turns this kind of message off without signing in: sent as <c>List-Unsubscribe</c> with
    /// <c>List-Unsubscribe-Post</c> (RFC 8058). Null for messages one does not unsubscribe from.</summary>
    public string? UnsubscribeUrl { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
