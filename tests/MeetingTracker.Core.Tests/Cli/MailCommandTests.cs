using MeetingTracker.Core.Tests.Mail;
using MimeKit;
using SmtpServer.Protocol;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary><c>meetingtracker mail test ADDRESS</c>: one message straight through the configured transport, or its error.</summary>
public sealed class MailCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_test_message_reaches_the_smtp_server_and_a_refusal_is_the_servers_answer()
    {
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        using var data = new TempDir();
        var environment = RemindCommandTests.Smtp(smtp.Port);

        var sent = CliRunner.RunWith(environment, "mail", "test", "Ann <ann@example.org>", "--data", data.Path);

        Assert.Equal((0, string.Empty), (sent.Exit, sent.Stderr));
        Assert.Equal($"test message to ann@example.org handed to smtp://127.0.0.1:{smtp.Port} (None)", sent.Stdout.TrimEnd());
        var message = Assert.Single(smtp.Received);
        Assert.Equal("ann@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("MeetingTracker: test message", message.Subject);
        Assert.Contains("Mail works.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Mail works.</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data.Path, "mail")));

        smtp.Answer = new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such mailbox here");
        var refused = CliRunner.RunWith(environment, "mail", "test", "ann@example.org", "--data", data.Path);

        Assert.Equal(1, refused.Exit);
        Assert.StartsWith("meetingtracker: the test message was not sent: 550 no such mailbox here", refused.Stderr, StringComparison.Ordinal);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task Without_an_smtp_host_the_test_message_is_a_file_in_the_pickup_folder()
    {
        using var data = new TempDir();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["MeetingTracker__Mail__Smtp__Host"] = string.Empty };

        var first = CliRunner.RunWith(environment, "mail", "test", "ann@example.org", "--data", data.Path);
        var second = CliRunner.RunWith(environment, "mail", "test", "bob@example.org", "--data", data.Path);

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        var files = Directory.GetFiles(Path.Combine(data.Path, "mail"), "*.eml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.Contains(first.Stdout.Split(" written to ")[1].Split(' ')[0], files);
        var message = await MimeMessage.LoadAsync(first.Stdout.Split(" written to ")[1].Split(' ')[0], Ct);
        Assert.Equal("ann@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("(no SMTP host: set MeetingTracker__Mail__Smtp__Host to send)", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_nobody_runs_and_a_wrong_address_are_failures_that_say_so()
    {
        using var data = new TempDir();

        var down = CliRunner.RunWith(RemindCommandTests.Smtp(TestSmtpServer.FreePort()), "mail", "test", "ann@example.org", "--data", data.Path);
        var address = CliRunner.RunWith(RemindCommandTests.Smtp(25), "mail", "test", "not-an-address", "--data", data.Path);
        var usage = CliRunner.RunWith(RemindCommandTests.Smtp(25), "mail", "test");

        Assert.Equal(1, down.Exit);
        Assert.StartsWith("meetingtracker: the test message was not sent: could not connect to smtp://127.0.0.1:", down.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, address.Exit);
        Assert.Equal("meetingtracker: not an e-mail address: not-an-address", address.Stderr.TrimEnd());
        Assert.Equal(2, usage.Exit);
    }
}
