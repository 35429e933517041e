using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Web.Reminders;
using MeetingTracker.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Reminders;

/// <summary>
/// The links of a digest on the real site: one-click answers (valid, reused, expired, tampered, for another user's
/// action, after the action changed) and one-click unsubscribe (RFC 8058), each answered by a page that says what
/// happened; and the whole way from the hourly job's mail to the click. (Answers change actions: own site.)
/// </summary>
public sealed partial class ReminderLinksTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReminderTokens Tokens => site.Site.Services.GetRequiredService<ReminderTokens>();

    private TimeProvider Clock => site.Site.Services.GetRequiredService<TimeProvider>();

    [Fact]
    public async Task A_valid_answer_asks_to_confirm_then_applies_as_its_owner_once()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        var link = AnswerLink(site.AccountIds["owner"], chain, ActionState.InProgress, ReminderTokens.NewNonce());
        using var client = await site.ClientAsync("anonymous");

        var page = await PageAsync(client, link);
        Assert.Contains("Confirm: In progress", page.QuerySelector("form.answer-form button")!.TextContent, StringComparison.Ordinal);
        var before = await EventsAsync(chain);

        using var posted = await PostAnswerAsync(client, link, "on it since Monday <b>really</b>");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith("&outcome=done", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var events = await EventsAsync(chain);
        var made = Assert.Single(events, e => !before.Any(b => b.Id == e.Id));
        Assert.Equal((EventKind.State, "in-progress", site.AccountIds["owner"], "on it since Monday <b>really</b>"), (made.Kind, made.To, made.AccountId, made.Note));
        await using (var db = site.Db())
        {
            Assert.Equal(made.Id, (await db.ReminderTokenUses.SingleAsync(u => u.AccountId == site.AccountIds["owner"] && u.EventId == made.Id, Ct)).EventId);
        }

        var after = await PageAsync(client, posted.Headers.Location.OriginalString);
        Assert.Contains("Recorded: in progress", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        // Reused: the same link, posted again, changes nothing and says so.
        using var again = await PostAnswerAsync(client, link, "twice", tokenFrom: "/account/login");
        Assert.EndsWith("&outcome=checked", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(events.Count, (await EventsAsync(chain)).Count);
        var used = await PageAsync(client, link);
        Assert.Contains("already answered", used.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(used.QuerySelector("form.answer-form"));
    }

    [Fact]
    public async Task Another_answer_of_the_same_reminder_and_action_is_spent_with_the_first()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        var nonce = ReminderTokens.NewNonce();
        using var client = await site.ClientAsync("anonymous");
        using (var first = await PostAnswerAsync(client, AnswerLink(site.AccountIds["owner"], chain, ActionState.NeedHelp, nonce), "with the review"))
        {
            Assert.EndsWith("&outcome=done", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var count = (await EventsAsync(chain)).Count;
        using var second = await PostAnswerAsync(client, AnswerLink(site.AccountIds["owner"], chain, ActionState.Done, nonce), null, tokenFrom: "/account/login");
        Assert.EndsWith("&outcome=checked", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(count, (await EventsAsync(chain)).Count);
        Assert.Equal(ActionState.NeedHelp, await StateAsync(chain));
    }

    [Fact]
    public async Task Expired_tampered_and_foreign_links_change_nothing_and_say_why()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        var owner = site.AccountIds["owner"];
        var expired = "reminders/answer?t=" + Uri.EscapeDataString(Tokens.Answer(new AnswerToken(owner, chain, ActionState.Done, ReminderTokens.NewNonce(), Clock.GetUtcNow().AddDays(-15))));
        var good = Tokens.Answer(new AnswerToken(owner, chain, ActionState.Done, ReminderTokens.NewNonce(), Clock.GetUtcNow()));
        var tampered = "reminders/answer?t=" + Uri.EscapeDataString(good[..^6] + (good[^6] == 'A' ? 'B' : 'A') + good[^5..]);
        var unsubscribe = "reminders/answer?t=" + Uri.EscapeDataString(Tokens.Unsubscribe(new UnsubscribeToken(owner, DigestKinds.Personal)));
        var foreign = AnswerLink(site.AccountIds["other"], chain, ActionState.Done, ReminderTokens.NewNonce());
        using var client = await site.ClientAsync("anonymous");
        var count = (await EventsAsync(chain)).Count;

        foreach (var (link, says) in new[] { (expired, "expired"), (tampered, "not one MeetingTracker sent"), (unsubscribe, "not one MeetingTracker sent"), (foreign, "own") })
        {
            var page = await PageAsync(client, link);
            var alert = page.QuerySelector("[role=alert]")?.TextContent ?? string.Empty;
            Assert.True(alert.Contains(says, StringComparison.OrdinalIgnoreCase) && alert.Contains("Nothing was changed", StringComparison.Ordinal), $"{says}: {alert}");
            Assert.Null(page.QuerySelector("form.answer-form"));
            using var posted = await PostAnswerAsync(client, link, "should not land", tokenFrom: "/account/login");
            Assert.EndsWith("&outcome=checked", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(count, (await EventsAsync(chain)).Count);
    }

    [Fact]
    public async Task A_link_to_an_action_that_changed_since_the_mail_says_so_before_confirming()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        var link = "reminders/answer?t=" + Uri.EscapeDataString(Tokens.Answer(
            new AnswerToken(site.AccountIds["owner"], chain, ActionState.Done, ReminderTokens.NewNonce(), Clock.GetUtcNow())));
        using var anonymous = await site.ClientAsync("anonymous");
        Assert.Null((await PageAsync(anonymous, link)).QuerySelector("[role=note]"));

        using var chair = await site.ClientAsync("chair");
        using (var said = await site.PostJsonAsync(chair, $"/api/actions/{chain}/events", new { state = "need-help", note = "asked in the meeting" }))
        {
            Assert.Equal(HttpStatusCode.Created, said.StatusCode);
        }

        var page = await PageAsync(anonymous, link);
        Assert.Contains("changed since the reminder was sent: it is now need help", page.QuerySelector("[role=note]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.answer-form"));
    }

    [Fact]
    public async Task One_click_unsubscribe_works_without_a_session_as_RFC_8058_asks()
    {
        var other = site.AccountIds["other"];
        var token = Uri.EscapeDataString(Tokens.Unsubscribe(new UnsubscribeToken(other, DigestKinds.Personal)));
        var link = "reminders/unsubscribe/one-click?t=" + token;
        using var mailProvider = site.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        using (var bad = await mailProvider.PostAsync(new Uri(link[..^8] + "AAAAAAAA", UriKind.Relative), OneClick(), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        Assert.False(await OffAsync(other));
        using (var posted = await mailProvider.PostAsync(new Uri(link, UriKind.Relative), OneClick(), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        Assert.True(await OffAsync(other));
        using var browser = await site.ClientAsync("anonymous");
        var page = await PageAsync(browser, "reminders/unsubscribe?t=" + token);
        Assert.Contains("is off", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        // Idempotent: the provider may post again.
        using var again = await mailProvider.PostAsync(new Uri(link, UriKind.Relative), OneClick(), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task The_unsubscribe_page_turns_a_team_digest_off_with_its_button()
    {
        var chair = site.AccountIds["chair"];
        int team;
        await using (var db = site.Db())
        {
            team = await db.Teams.Where(t => t.Key == site.TeamKey).Select(t => t.Id).SingleAsync(Ct);
            db.TeamDigests.Add(new TeamDigestSubscription { AccountId = chair, TeamId = team, CreatedAt = Clock.GetUtcNow() });
            await db.SaveChangesAsync(Ct);
        }

        var link = "reminders/unsubscribe?t=" + Uri.EscapeDataString(Tokens.Unsubscribe(new UnsubscribeToken(chair, DigestKinds.Team(team))));
        using var browser = await site.ClientAsync("anonymous");
        var page = await PageAsync(browser, link);
        var form = page.QuerySelector("form[method=post]")!;
        Assert.Contains("before its meetings", page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);

        using var posted = await browser.PostAsync(new Uri(WebUtility.HtmlDecode(form.GetAttribute("action")!), UriKind.Relative), new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await using (var db = site.Db())
        {
            Assert.False(await db.TeamDigests.AnyAsync(t => t.AccountId == chair && t.TeamId == team, Ct));
            Assert.False(await db.ReminderPreferences.AnyAsync(p => p.AccountId == chair && p.Frequency == DigestFrequency.Off, Ct));
        }

        Assert.Contains("Done:", (await PageAsync(browser, posted.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hourly_job_mails_a_digest_whose_answer_link_works_from_the_mail()
    {
        var owner = site.AccountIds["owner"];
        var chain = (await site.OwnedChainsAsync())[0];
        var now = Clock.GetUtcNow();
        using (var client = await site.ClientAsync("owner"))
        using (var due = await site.PostJsonAsync(client, $"/api/actions/{chain}/events", new { dueDate = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Created, due.StatusCode);
        }

        // A daily digest at the hour that just began, for an account older than that.
        await using (var db = site.Db())
        {
            var account = await db.Users.SingleAsync(a => a.Id == owner, Ct);
            account.CreatedAt = now.AddDays(-30);
            db.ReminderPreferences.Add(new ReminderPreferences { AccountId = owner, Frequency = DigestFrequency.Daily, Hour = now.Hour, TimeZone = "UTC", UpdatedAt = now.AddDays(-30) });
            await db.SaveChangesAsync(Ct);
        }

        using (var scope = site.Site.Services.CreateScope())
        {
            var line = await scope.ServiceProvider.GetRequiredService<RemindersJob>().RunAsync(Ct);
            Assert.Matches("^reminders: [1-9][0-9]* queued, 0 already sent, [0-9]+ with nothing to say$", line);
            var again = await scope.ServiceProvider.GetRequiredService<RemindersJob>().RunAsync(Ct);
            Assert.Matches("^reminders: 0 queued, [1-9][0-9]* already sent, [0-9]+ with nothing to say$", again);
        }

        OutboxMessage mail;
        await using (var db = site.Db())
        {
            mail = await db.Outbox.SingleAsync(m => m.Kind == DigestKinds.Personal && m.To == AccountsSite.Email("owner"), Ct);
        }

        Assert.StartsWith("Your actions: ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Overdue (", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/reminders/unsubscribe/one-click?t=", mail.UnsubscribeUrl, StringComparison.Ordinal);
        var links = AnswerLinks().Matches(mail.TextBody).Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        var done = links.First(l => mail.TextBody.Contains("Done: " + l, StringComparison.Ordinal));

        using var anonymous = await site.ClientAsync("anonymous");
        using var posted = await PostAnswerAsync(anonymous, new Uri(done).PathAndQuery.TrimStart('/'), "sent the patch");
        Assert.EndsWith("&outcome=done", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ActionState.Done, await StateAsync(new AnswerTokenReader(Tokens).ChainOf(done)));
    }

    private string AnswerLink(string accountId, int chain, ActionState answer, string nonce)
        => "reminders/answer?t=" + Uri.EscapeDataString(Tokens.Answer(new AnswerToken(accountId, chain, answer, nonce, Clock.GetUtcNow())));

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string link)
    {
        using var response = await client.GetAsync(new Uri(link.TrimStart('/'), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HttpResponseMessage> PostAnswerAsync(HttpClient client, string link, string? note, string? tokenFrom = null)
    {
        var token = await site.FormTokenAsync(client, tokenFrom ?? link);
        var t = Uri.UnescapeDataString(link[(link.IndexOf("t=", StringComparison.Ordinal) + 2)..]);
        var fields = new Dictionary<string, string> { ["t"] = t, ["__RequestVerificationToken"] = token };
        if (note is not null) fields["note"] = note;
        return await client.PostAsync(new Uri(RemindersSetup.ConfirmPath.TrimStart('/'), UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
    }

    private async Task<List<AccountabilityEvent>> EventsAsync(int chain)
    {
        await using var db = site.Db();
        return await db.AccountabilityEvents.AsNoTracking().Where(e => e.Subject == EventSubject.Action && e.SubjectId == chain).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private async Task<ActionState> StateAsync(int chain)
    {
        var standings = site.Site.Services.GetRequiredService<Components.Pages.Actions.ActionStandings>();
        return (await standings.ReadAsync(Ct)).Find(chain)!.State;
    }

    private async Task<bool> OffAsync(string accountId)
    {
        await using var db = site.Db();
        return await db.ReminderPreferences.AnyAsync(p => p.AccountId == accountId && p.Frequency == DigestFrequency.Off, Ct);
    }

    private sealed class AnswerTokenReader(ReminderTokens tokens)
    {
        public int ChainOf(string link) => tokens.ReadAnswer(Uri.UnescapeDataString(new Uri(link).Query[3..])).Token!.ChainId;
    }

    [GeneratedRegex(@"http://localhost/reminders/answer\?t=[^\s]+")]
    private static partial Regex AnswerLinks();
}
