using MailKit.Security;
using MeetingTracker.Core.Mail;
using MimeKit;
using SmtpServer.Protocol;

namespace MeetingTracker.Core.Tests.Mail;

public sealed class SmtpDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_real_smtp_server_receives_each_message_exactly_once_with_its_text_and_html_parts()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        var ids = await rig.EnqueueAsync(Ct, null, "ada@example.org", "Bob <bob@example.org>");
        var sender = rig.Sender(MailRig.Smtp(smtp.Port));

        Assert.Equal(2, await sender.SendDueAsync(Ct));
        Assert.Equal(0, await sender.SendDueAsync(Ct));

        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(2, smtp.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        var ada = Assert.Single(smtp.Received, m => m.To.Mailboxes.Single().Address == "ada@example.org");
        Assert.Equal("Hello ada@example.org", ada.Subject);
        Assert.Equal("meetingtracker@localhost", ada.From.Mailboxes.Single().Address);
        var body = Assert.IsType<MultipartAlternative>(ada.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Contains("Plain text for ada@example.org", ada.TextBody, StringComparison.Ordinal);
        Assert.Contains("<b>ada@example.org</b>", ada.HtmlBody, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            var row = await rig.GetAsync(id, Ct);
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Equal(rig.Clock.GetUtcNow(), row.SentAt);
            Assert.Null(row.LastError);
        }
    }

    [Fact]
    public async Task A_refusing_server_gets_the_message_again_after_one_then_two_minutes_then_it_is_failed_with_the_error()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        smtp.Answer = new SmtpResponse((SmtpReplyCode)451, "try again later");
        var id = (await rig.EnqueueAsync(Ct, null, "ada@example.org")).Single();
        var sender = rig.Sender(MailRig.Smtp(smtp.Port));
        var start = rig.Clock.GetUtcNow();

        Assert.Equal(1, await sender.SendDueAsync(Ct));
        var row = await rig.GetAsync(id, Ct);
        Assert.Equal((OutboxStatus.Pending, 1, start.AddMinutes(1)), (row.Status, row.Attempts, row.NextAttemptAt));
        Assert.Contains("451", row.LastError, StringComparison.Ordinal);

        rig.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await sender.SendDueAsync(Ct)); // not due yet
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sender.SendDueAsync(Ct));
        row = await rig.GetAsync(id, Ct);
        Assert.Equal((OutboxStatus.Pending, 2, rig.Clock.GetUtcNow().AddMinutes(2)), (row.Status, row.Attempts, row.NextAttemptAt));

        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await sender.SendDueAsync(Ct));
        row = await rig.GetAsync(id, Ct);
        Assert.Equal((OutboxStatus.Failed, 3), (row.Status, row.Attempts));
        Assert.Contains("try again later", row.LastError, StringComparison.Ordinal);
        Assert.Equal(3, smtp.Refused);
        Assert.Empty(smtp.Received);

        rig.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await sender.SendDueAsync(Ct));
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_message_at_once()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        smtp.Answer = new SmtpResponse(SmtpReplyCode.TransactionFailed, "no such user here");
        var id = (await rig.EnqueueAsync(Ct, null, "nobody@example.org")).Single();

        Assert.Equal(1, await rig.Sender(MailRig.Smtp(smtp.Port)).SendDueAsync(Ct));

        var row = await rig.GetAsync(id, Ct);
        Assert.Equal((OutboxStatus.Failed, 1), (row.Status, row.Attempts));
        Assert.Contains("no such user here", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_down_is_tried_again_later_and_the_message_goes_once_it_is_up()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        var id = (await rig.EnqueueAsync(Ct, null, "ada@example.org")).Single();
        var port = TestSmtpServer.FreePort();
        var sender = rig.Sender(MailRig.Smtp(port));

        Assert.Equal(1, await sender.SendDueAsync(Ct));
        var row = await rig.GetAsync(id, Ct);
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("could not connect", row.LastError, StringComparison.Ordinal);

        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await rig.Sender(MailRig.Smtp(smtp.Port)).SendDueAsync(Ct));
        Assert.Single(smtp.Received);
        Assert.Equal(OutboxStatus.Sent, (await rig.GetAsync(id, Ct)).Status);
    }

    [Theory]
    [InlineData(MailSecurity.None, SecureSocketOptions.None, 25)]
    [InlineData(MailSecurity.StartTls, SecureSocketOptions.StartTls, 587)]
    [InlineData(MailSecurity.Tls, SecureSocketOptions.SslOnConnect, 465)]
    public void Security_options_map_to_MailKit_and_to_their_usual_port(MailSecurity security, SecureSocketOptions expected, int port)
    {
        Assert.Equal(expected, security.ToSocketOptions());
        Assert.Equal(port, new SmtpOptions { Host = "mail.example.org", Security = security }.EffectivePort);
        Assert.Equal(2525, new SmtpOptions { Host = "mail.example.org", Security = security, Port = 2525 }.EffectivePort);
    }

    [Fact]
    public void Retry_delays_double_from_one_minute_up_to_the_cap()
    {
        var options = new MailOptions();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(a => options.RetryDelay(a).TotalMinutes));
    }
}
