using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MeetingTracker.Core.Mail;

/// <summary>
/// Sends through an SMTP server with MailKit, one connection per message (the site sends few). Failures before the
/// message is handed over, and every error answer of the server, are <see cref="MailNotSentException"/>; a connection
/// lost while the message is on its way is not, since the server may have taken it.
/// </summary>
public sealed class SmtpDelivery(SmtpOptions options) : IMailDelivery
{
    public string Target => $"smtp://{options.Host}:{options.EffectivePort} ({options.Security})";

    public async Task DeliverAsync(OutboxMessage row, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await ConnectAsync(client, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            throw new MailNotSentException($"{(int)e.StatusCode} {e.Message}", e) { Permanent = (int)e.StatusCode >= 500 };
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ProtocolException or OperationCanceledException)
        {
            // The server accepted the message: a failed QUIT changes nothing.
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(options.Host ?? "localhost", options.EffectivePort, options.Security.ToSocketOptions(), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.User))
            {
                await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SmtpCommandException e)
        {
            throw new MailNotSentException($"{(int)e.StatusCode} {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ProtocolException
            or AuthenticationException or SslHandshakeException or NotSupportedException or OperationCanceledException)
        {
            throw new MailNotSentException($"could not connect to {Target}: {e.Message}", e);
        }
    }
}
