using System.Globalization;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingTracker.E2E;

/// <summary>
/// Issue 13 in a browser with JavaScript off: an owner asks for a daily digest at the coming hour on the account page;
/// when the hour comes the reminders run mails it; the digest reads well as the HTML a mail client shows; its "In
/// progress" link answers for the action without a password, once; its footer link turns the digest off.
/// </summary>
public sealed partial class ReminderJourneyTests(SiteServer server, Chromium chromium)
{
    private const string Admin = "admin-reminders@example.org";
    private const string Email = "reminder-owner@example.org";

    [Fact]
    public async Task A_digest_arrives_at_the_hour_chosen_and_its_links_answer_once_and_unsubscribe()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = await PickAsync();
        var admin = await NewPageAsync();
        await admin.JoinAsync(server, Admin, "Reminders Admin");
        var owner = await NewPageAsync();
        await owner.JoinAsync(server, Email, "Reminded Owner");
        await ClaimApprovedAsync(owner, admin, person);

        // A daily digest at the coming hour, UTC.
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        await owner.GoAsync("account");
        var form = owner.Locator("#reminders form");
        await form.GetByLabel("Daily").CheckAsync();
        await form.GetByLabel("Hour").SelectOptionAsync(at.Hour.ToString(CultureInfo.InvariantCulture));
        await form.GetByLabel(new Regex("^Time zone")).FillAsync("UTC");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save reminders" }).ClickAsync();
        await Expect(owner.Locator("main [role=status]")).ToHaveTextAsync("Your reminder preferences are saved.");
        await Expect(owner.Locator("#reminders")).ToContainTextAsync("Your next digest: " + at.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture));

        // The hour comes: the reminders run (as the hourly job does, at that moment) mails it, once.
        var run = server.Services.GetRequiredService<ReminderRun>();
        var report = await run.RunAsync(new ReminderRequest(at, server.BaseAddress), ct);
        Assert.Equal(DigestOutcome.Queued, Assert.Single(report.Digests, d => d.Email == Email).Outcome);
        Assert.Equal(DigestOutcome.AlreadySent, Assert.Single((await run.RunAsync(new ReminderRequest(at.AddMinutes(30), server.BaseAddress), ct)).Digests, d => d.Email == Email).Outcome);
        string subject;
        await using (var db = server.Db())
        {
            subject = await db.Outbox.Where(m => m.To == Email && m.Kind == DigestKinds.Personal).Select(m => m.Subject).SingleAsync(ct);
        }

        var mail = await Mailbox.WaitForAsync(server, Email, subject);
        Assert.StartsWith("<" + server.BaseAddress + "reminders/unsubscribe/one-click?t=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        // Read as a mail client shows it (a file, as its HTML part), then "In progress" on the first action.
        var file = Path.Combine(server.Root, "digest.html");
        await File.WriteAllTextAsync(file, mail.HtmlBody, ct);
        var reader = await chromium.NewPageAsync(server.BaseAddress, width: 760, height: 560, javaScript: false);
        await reader.GotoAsync(new Uri(file).AbsoluteUri);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "What you said you would do" })).ToBeVisibleAsync();
        await reader.ScreenshotAsync("14-digest");
        var first = reader.Locator("li").Filter(new() { Has = reader.GetByRole(AriaRole.Link, new() { Name = "In progress" }) }).First;
        var action = await first.Locator("a").First.TextContentAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = "In progress" }).ClickAsync();
        await reader.WaitForURLAsync(new Regex("/reminders/answer\\?t="));
        var answerUrl = reader.Url;
        await Expect(reader.Locator(".facts")).ToContainTextAsync(action!);
        await reader.GetByLabel("A note (optional)").FillAsync("halfway there, review on Friday");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Confirm: In progress" }).ClickAsync();
        await Expect(reader.Locator("main [role=status]")).ToContainTextAsync("Recorded: in progress");
        await reader.ScreenshotAsync("15-answered");
        await reader.Locator("main [role=status]").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(reader.Locator(".facts .state").First).ToHaveTextAsync("in progress");
        await Expect(reader.Locator("#history")).ToContainTextAsync("halfway there, review on Friday");

        // Once: the same link again changes nothing and says so.
        await reader.GotoAsync(answerUrl);
        await Expect(reader.Locator("main [role=alert]")).ToContainTextAsync("already answered");
        await Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Confirm: In progress" })).ToHaveCountAsync(0);

        // The footer turns the digest off, no sign-in needed.
        await reader.GotoAsync(new Uri(file).AbsoluteUri);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Turn this digest off" }).ClickAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Turn it off" }).ClickAsync();
        await Expect(reader.Locator("main [role=status]")).ToHaveTextAsync("Done: your digest of actions is off. You will get no more of it.");
        await owner.GoAsync("account");
        await Expect(owner.Locator("#reminders input[name=frequency][value=Off]")).ToBeCheckedAsync();

        var axe = await chromium.NewPageAsync(server.BaseAddress);
        await axe.GotoAsync(answerUrl);
        await axe.AssertAccessibleAsync("a used answer link");
        var axeOwner = await chromium.NewPageAsync(server.BaseAddress, storageState: await owner.Context.StorageStateAsync());
        await axeOwner.GoAsync("account");
        await axeOwner.AssertAccessibleAsync("account page with reminders");
    }

    private Task<IPage> NewPageAsync() => chromium.NewPageAsync(server.BaseAddress, javaScript: false);

    private static async Task ClaimApprovedAsync(IPage user, IPage admin, string person)
    {
        await user.GoAsync(Links.Person(person));
        var nick = await user.Locator("form.claim-form input[name=nick]").GetAttributeAsync("value");
        await user.GetByRole(AriaRole.Button, new() { Name = "This is me" }).ClickAsync();
        await admin.GoAsync("admin");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Approve {Email}'s claim of {nick}", Exact = true }).ClickAsync();
        await Expect(admin.Locator("main [role=status]")).ToHaveTextAsync($"Claim of '{nick}' approved.");
    }

    /// <summary>A person nobody claimed, no bot, who owns (through the logs) an action that is not closed and nobody said anything of.</summary>
    private async Task<string> PickAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var snapshot = await server.Services.GetRequiredService<AccountabilityService>().SnapshotAsync(ct);
        var ledger = await server.Services.GetRequiredService<EventLedger>().ReadAsync(ct);
        await using var db = server.Db();
        var claimed = await db.NickClaims.Where(c => c.Status != ClaimStatus.Refused).Select(c => c.PersonId).ToListAsync(ct);
        var bots = await db.SourceBots.Select(b => b.Nick.ToLower()).ToListAsync(ct);
        var aliases = (await db.PersonAliases.Select(a => new { a.PersonId, a.Nick }).ToListAsync(ct)).ToLookup(a => a.PersonId, a => a.Nick.ToLowerInvariant());
        var owners = await db.ItemOwners.Select(o => new { o.ItemId, o.PersonId, o.Person!.Name }).ToListAsync(ct);
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // Persons the other journeys pick (the first free owner) are left to them: the last such person is taken here.
        var picked = snapshot.Actions.Where(c => ledger.Action(c.Id).Events.Count == 0 && !c.InferState(now, 14).IsClosed())
            .SelectMany(c => owners.Where(o => o.ItemId == c.Latest.ItemId))
            .Where(o => !claimed.Contains(o.PersonId) && !aliases[o.PersonId].Any(bots.Contains) && !aliases[o.PersonId].Contains("emre"))
            .Select(o => o.Name).Distinct().ToList();
        return picked.Count > 0 ? picked[^1] : throw new InvalidOperationException("no open action with an unclaimed owner in the sample logs");
    }
}
