using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Tests.Mail;
using MimeKit;
using static MeetingTracker.Core.Tests.Reminders.ReminderScenario;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>
/// Digests as a real SMTP server receives them (MailKit to SmtpServer on 127.0.0.1): plain text and HTML, every link
/// absolute, log text HTML-encoded, one-click answers that read back, and RFC 8058 one-click unsubscribe headers.
/// </summary>
public sealed partial class ReminderMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_received_digest_reads_as_text_and_html_with_absolute_links_encoded_log_text_and_one_click_unsubscribe()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await BuildAsync(rig, Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        await rig.RunAsync(Monday, Ct);

        Assert.Equal(3, await rig.Sender(ReminderRig.Smtp(smtp.Port)).SendDueAsync(Ct));

        Assert.Equal(3, smtp.Received.Count);
        Assert.All(await rig.OutboxAsync(Ct), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var mail = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == "alice@example.org");
        Assert.Equal("Your actions: 2 overdue, 1 coming due, 1 need help, 1 offers of help, 2 new", mail.Subject);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        var text = mail.TextBody;
        var html = mail.HtmlBody;
        Assert.NotNull(text);
        Assert.NotNull(html);

        // Plain text: the log text as written, each section, every link absolute under the site's address.
        Assert.StartsWith("What you said you would do\n\nHello alice, here is where your actions stand.\n\n== Overdue (2) ==\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(Markup, text, StringComparison.Ordinal);
        Assert.Contains("== Overdue (2) ==", text, StringComparison.Ordinal);
        Assert.Contains("infra · 25 days old · carried over 3 times · was due 2026-11-25 · overdue", text, StringComparison.Ordinal);
        Assert.Contains("offered: " + Offer, text, StringComparison.Ordinal);

        // A date passed is "was due" wherever the action is listed (the offers too), one to come is "due".
        Assert.DoesNotContain("· due 2026-11-25", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("· was due 2026-11-25 ·").Length - 1);
        Assert.Contains("infra · 11 days old · due 2026-12-09 · need help", text, StringComparison.Ordinal);
        var textLinks = Link().Matches(text).Select(m => m.Value).ToList();
        Assert.NotEmpty(textLinks);
        Assert.All(textLinks, l => Assert.StartsWith(ReminderRig.Root.AbsoluteUri, l, StringComparison.Ordinal));

        // HTML: the markup of the logs is text, never markup; every link absolute.
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("li b"));
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", html, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("a"), a => a.TextContent == Markup);
        Assert.Contains(document.QuerySelectorAll("small"), s => s.TextContent == "offered: " + Offer);
        var hrefs = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(document.QuerySelectorAll("a").Length, hrefs.Count);
        Assert.All(hrefs, h => Assert.StartsWith(ReminderRig.Root.AbsoluteUri, h, StringComparison.Ordinal));
        Assert.Equal(textLinks.Distinct().Order(StringComparer.Ordinal), hrefs.Distinct().Order(StringComparer.Ordinal));
        Assert.Contains($"{ReminderRig.Root}actions/{await rig.ChainAsync(MirrorKeys, Ct)}", hrefs);
        Assert.Contains($"{ReminderRig.Root}account#reminders", hrefs);

        // One-click answers: four for each action alice owes (two overdue, one coming due, two new), one nonce per action.
        var answers = hrefs.Where(h => h.Contains("/reminders/answer?t=", StringComparison.Ordinal)).Select(h => rig.Tokens.ReadAnswer(Token(h))).ToList();
        Assert.Equal(5 * 4, answers.Count);
        Assert.All(answers, a => Assert.Equal(TokenProblem.None, a.Problem));
        Assert.All(answers, a => Assert.Equal((accounts["alice"], rig.Clock.GetUtcNow()), (a.Token!.AccountId, a.Token.IssuedAt)));
        var owed = new[] { MirrorKeys, Certificates, Wiki, ReleaseNotes, Markup };
        var chains = new List<int>();
        foreach (var owedText in owed) chains.Add(await rig.ChainAsync(owedText, Ct));
        Assert.Equal(chains.Order(), answers.Select(a => a.Token!.ChainId).Distinct().Order());
        Assert.All(answers.GroupBy(a => a.Token!.ChainId), g =>
        {
            Assert.Equal(ReminderTokens.Answers, g.Select(a => a.Token!.Answer));
            Assert.Single(g.Select(a => a.Token!.Nonce).Distinct(StringComparer.Ordinal));
        });
        Assert.Equal(5, answers.Select(a => a.Token!.Nonce).Distinct(StringComparer.Ordinal).Count());

        // RFC 8058: the header's link takes the one-click POST and turns this digest off without signing in; the footer
        // links to the page with the same token, and a button.
        var unsubscribe = mail.Headers[HeaderId.ListUnsubscribe];
        Assert.Matches("^<https://meet\\.example\\.org/reminders/unsubscribe/one-click\\?t=[^>]+>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var oneClick = unsubscribe!.Trim('<', '>');
        Assert.Equal(new UnsubscribeToken(accounts["alice"], DigestKinds.Personal), rig.Tokens.ReadUnsubscribe(Token(oneClick)));
        var footer = Assert.Single(hrefs, h => h.Contains("/reminders/unsubscribe", StringComparison.Ordinal));
        Assert.StartsWith($"{ReminderRig.Root}reminders/unsubscribe?t=", footer, StringComparison.Ordinal);
        Assert.Equal(new UnsubscribeToken(accounts["alice"], DigestKinds.Personal), rig.Tokens.ReadUnsubscribe(Token(footer)));
        Assert.Contains("Turn this digest off: " + footer, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_for_someone_who_helps_has_no_answers_only_the_action_and_the_help_board()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        await BuildAsync(rig, Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        await rig.RunAsync(Monday, Ct, account: "dana@example.org");
        await rig.Sender(ReminderRig.Smtp(smtp.Port)).SendDueAsync(Ct);

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("Your actions: 1 need help", mail.Subject);
        Assert.DoesNotContain("/reminders/answer", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("== Your teams need help (1) ==", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"You can help: {ReminderRig.Root}actions/{await rig.ChainAsync(ReminderScenario.Proxy, Ct)}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(ActionState.NeedHelp.Label(), mail.TextBody, StringComparison.Ordinal);
    }

    private static string Token(string link) => Uri.UnescapeDataString(link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
