using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace MeetingTracker.E2E;

/// <summary>
/// The site's outgoing mail as a person would get it: with no SMTP host, each message is one <c>.eml</c> file in the
/// data folder's <c>mail/</c>, read here with MimeKit (the site's own mail library).
/// </summary>
public static partial class Mailbox
{
    /// <summary>Waits for the one message to <paramref name="to"/> with <paramref name="subject"/>; fails when none comes or several do.</summary>
    public static async Task<MimeMessage> WaitForAsync(SiteServer server, string to, string subject)
    {
        ArgumentNullException.ThrowIfNull(server);
        var ct = TestContext.Current.CancellationToken;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var found = new List<MimeMessage>();
            // A message is written under a temporary name starting with a dot, then moved: only whole ones end in .eml.
            foreach (var file in Directory.Exists(server.MailDir) ? Directory.EnumerateFiles(server.MailDir, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file, ct);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                    && string.Equals(message.Subject, subject, StringComparison.Ordinal))
                {
                    found.Add(message);
                }
            }

            if (found.Count > 0)
            {
                Assert.True(found.Count == 1, $"{found.Count} messages '{subject}' to {to} in {server.MailDir}");
                return found[0];
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"no message '{subject}' to {to} in {server.MailDir} within 20 s");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>The one link of the message's text part (the account mails carry exactly one).</summary>
    public static Uri LinkIn(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var links = Link().Matches(message.TextBody ?? string.Empty).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(links.Count == 1, $"the message '{message.Subject}' should carry one link, not {links.Count}:\n{message.TextBody}");
        return new Uri(links[0]);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
