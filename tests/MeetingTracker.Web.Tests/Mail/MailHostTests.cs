using MeetingTracker.Core.Mail;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Mail;

public sealed class MailHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_smtp_host_the_web_host_writes_what_is_enqueued_into_the_data_folders_mail_folder()
    {
        await using var host = new TrackerHost();
        using var client = host.CreateClient();
        await using (var db = host.Db())
        {
            host.Services.GetRequiredService<Outbox>().Enqueue(db, "test", "ada@example.org", "Hello", "text", "<p>html</p>");
            await db.SaveChangesAsync(Ct);
        }

        var folder = Path.Combine(host.DataDir, "mail");
        for (var i = 0; i < 200 && !(Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Length > 0); i++)
        {
            await Task.Delay(50, Ct);
        }

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file, Ct);
        Assert.Equal(("Hello", "ada@example.org"), (message.Subject, message.To.Mailboxes.Single().Address));
    }

    [Theory]
    [InlineData("MeetingTracker:Mail:From", "not an address", "MeetingTracker:Mail:From is not an e-mail address")]
    [InlineData("MeetingTracker:Mail:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("MeetingTracker:Authentication:Oidc:Authority", "https://id.example.org/", "MeetingTracker:Authentication:Oidc:ClientId is required")]
    public async Task Bad_mail_or_oidc_settings_stop_the_host_with_a_message(string key, string value, string expected)
    {
        await using var host = new TrackerHost().With(key, value);

        Assert.Contains(expected, HostStart.Failure(host), StringComparison.Ordinal);
    }
}
