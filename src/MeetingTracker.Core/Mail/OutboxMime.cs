using System.Globalization;
using MimeKit;

namespace MeetingTracker.Core.Mail;

/// <summary>An outbox message as MIME: multipart/alternative, the text part first and the HTML part preferred.</summary>
public static class OutboxMime
{
    public static MimeMessage Build(OutboxMessage message, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = message.CreatedAt;

        // Stable per outbox row: a receiving system can tell a message it already has.
        mime.MessageId = string.Create(CultureInfo.InvariantCulture, $"outbox-{message.Id}.{message.CreatedAt.ToUnixTimeSeconds()}@{from.Domain}");
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-MeetingTracker-Kind", message.Kind);
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: a POST of "List-Unsubscribe=One-Click" to this HTTPS (or HTTP) link unsubscribes, no sign-in.
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
