using System.CommandLine;
using System.Globalization;
using MeetingTracker.Core.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>mail test ADDRESS [--data DIR]</c>: hands one message to the configured transport at once (not through the
/// outbox), so an admin sees whether mail works before turning reminders on. Prints where it went (the SMTP server, or
/// the file in the pickup folder); exit code 1 with the transport's error when it did not go.
/// </summary>
internal static class MailCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var address = new Argument<string>("ADDRESS") { Description = "Where the test message goes." };
        var test = new Command("test", "Send one test message through the configured transport (SMTP, else the pickup folder).") { address, data };
        test.SetAction((result, token) => TestAsync(result.GetRequiredValue(address), result.GetRequiredValue(data), configuration, stdout, stderr, token));
        return new Command("mail", "The site's mail: test the transport.") { test };
    }

    private static async Task<int> TestAsync(string address, DirectoryInfo data, IConfiguration configuration, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(address.Trim(), out var to) || string.IsNullOrEmpty(to.Address) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            stderr.WriteLine($"meetingtracker: not an e-mail address: {address}");
            return CliApp.UsageError;
        }

        MailOptions options;
        try
        {
            options = CliMail.Options(configuration, data.FullName);
        }
        catch (OptionsValidationException e)
        {
            return AccountServices.Fail(stderr, e.Message);
        }

        var clock = TimeProvider.System;
        var now = clock.GetUtcNow();
        var delivery = CliMail.Delivery(options, clock);

        // Not an outbox row: an id of its own, so that its pickup file's name is unique.
        var row = new OutboxMessage
        {
            Id = now.ToUnixTimeMilliseconds(),
            Kind = "mail-test",
            To = to.ToString(),
            Subject = "MeetingTracker: test message",
            TextBody = $"This is a test message from MeetingTracker's command line, sent {Moment(now)} through {delivery.Target}.\n\nMail works.\n",
            HtmlBody = $"<p>This is a test message from MeetingTracker's command line, sent {Moment(now)} through {System.Net.WebUtility.HtmlEncode(delivery.Target)}.</p>\n<p>Mail works.</p>\n",
            CreatedAt = now,
            NextAttemptAt = now,
        };
        var message = OutboxMime.Build(row, MailboxAddress.Parse(options.From));
        message.MessageId = MimeUtils.GenerateMessageId(MailboxAddress.Parse(options.From).Domain);
        try
        {
            await delivery.DeliverAsync(row, message, cancellationToken);
        }
        catch (MailNotSentException e)
        {
            var error = e.Message.Contains(delivery.Target, StringComparison.Ordinal) ? e.Message : $"{e.Message} ({delivery.Target})";
            return AccountServices.Fail(stderr, $"the test message was not sent: {error}");
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException)
        {
            return AccountServices.Fail(stderr, $"the connection to {delivery.Target} was lost while handing the test message over (it may or may not have arrived): {e.Message}");
        }

        if (delivery is PickupFolderDelivery pickup)
        {
            var file = Directory.EnumerateFiles(pickup.Folder, string.Create(CultureInfo.InvariantCulture, $"*-{row.Id}.eml")).FirstOrDefault() ?? pickup.Folder;
            stdout.WriteLine($"test message to {to.Address} written to {file} (no SMTP host: set MeetingTracker__Mail__Smtp__Host to send)");
        }
        else
        {
            stdout.WriteLine($"test message to {to.Address} handed to {delivery.Target}");
        }

        return 0;
    }

    private static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
