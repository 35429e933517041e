using MimeKit;

namespace MeetingTracker.Core.Mail;

/// <summary>
/// Hands one message over. Throws <see cref="MailNotSentException"/> when the message surely did not leave (it may
/// be tried again); any other exception means its fate is unknown, and it is never tried again.
/// </summary>
public interface IMailDelivery
{
    /// <summary>Where mail goes, for the log.</summary>
    string Target { get; }

    Task DeliverAsync(OutboxMessage row, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The message was not handed over (connection refused, authentication failed, the server said no).</summary>
public sealed class MailNotSentException : Exception
{
    public MailNotSentException()
    {
    }

    public MailNotSentException(string message)
        : base(message)
    {
    }

    public MailNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Trying again cannot help (a 5xx answer: unknown recipient, message refused).</summary>
    public bool Permanent { get; init; }
}
