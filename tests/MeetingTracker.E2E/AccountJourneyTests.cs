using System.Text.RegularExpressions;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingTracker.E2E;

/// <summary>
/// Accounts in a browser with JavaScript off (every account form must work as plain HTML): register, confirm from the
/// mail the site wrote, sign in, claim nicks, have an admin decide, sign out. Each test registers its own addresses,
/// so none depends on another's accounts or claims.
/// </summary>
public sealed class AccountJourneyTests(SiteServer server, Chromium chromium)
{
    /// <summary>In the sample logs zodbot answers emre's <c>.hello2</c> with this address: the logs' proof.</summary>
    private const string EmreAddress = "emre@example.org";

    [Fact]
    public async Task Register_confirm_sign_in_claim_a_nick_the_logs_vouch_for_and_sign_out()
    {
        var page = await NewPageAsync();

        await page.RegisterAsync(EmreAddress, "Emre Test");
        await page.ConfirmFromMailAsync(server, EmreAddress);
        await page.SignInAsync(EmreAddress, "Emre Test");

        await page.GoAsync("account");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Your account");
        var claims = page.Locator("#claims");
        await claims.GetByLabel("Claim the person who uses the nick").FillAsync("emre");
        await claims.GetByRole(AriaRole.Button, new() { Name = "Claim", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/account\?claimsMessage=.*#claims$"));
        await Expect(claims.GetByRole(AriaRole.Status)).ToHaveTextAsync("'emre' is verified as yours.");
        var row = page.ClaimRow("emre");
        await Expect(row.Locator("td[data-label='State']")).ToHaveTextAsync("verified (by the logs)");
        await Expect(row.Locator("td[data-label='Why']")).ToContainTextAsync("the meeting bot tied the nick to the account's address");
        await page.ScreenshotAsync("8-account");

        // The claim's person link leads to emre's page, which says whose account this person is.
        await row.Locator("td[data-label='Person'] a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/people/"));
        var person = await PersonOfNickAsync("emre");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(person);
        await Expect(page.Locator("main p.claimed").First).ToHaveTextAsync("Verified: this is Emre Test's account.");
        await Expect(page.Locator("main").GetByText("This is you.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "This is me" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("10-person-claimed");

        var header = page.Locator("header.site-header");
        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Register" })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Emre Test" })).ToHaveCountAsync(0);

        // Signed out, the account page is closed again: it sends to the sign-in page.
        await page.GotoAsync("account");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task A_claim_the_logs_do_not_vouch_for_waits_until_an_admin_approves_it()
    {
        var person = await UnclaimedPersonAsync();
        var user = await NewPageAsync();
        await user.JoinAsync(server, "claimer@example.org", "Claimer");

        // "This is me" on the person's page claims the person by one of its nicks and comes back to the page.
        await user.GoAsync(Links.Person(person));
        var nick = await user.Locator("form.claim-form input[name=nick]").GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(nick));
        await user.GetByRole(AriaRole.Button, new() { Name = "This is me" }).ClickAsync();
        await Expect(user.Locator("main").GetByText("Your claim of this person waits for verification.")).ToBeVisibleAsync();
        await Expect(user.Locator("main").GetByText(new Regex("^Verified: this is"))).ToHaveCountAsync(0);
        await user.GoAsync("account");
        await Expect(user.ClaimRow(nick).Locator("td[data-label='State']")).ToHaveTextAsync("pending");

        var admin = await NewPageAsync();
        await admin.JoinAsync(server, SiteServer.Admins[0], "Claims Admin");
        await admin.GoAsync("admin");
        await Expect(admin.Locator("main h1")).ToHaveTextAsync("Admin");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Approve claimer@example.org's claim of {nick}", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync(new Regex("/admin"));
        await Expect(admin.Locator("main [role=status]")).ToHaveTextAsync($"Claim of '{nick}' approved.");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Approve claimer@example.org's claim of {nick}", Exact = true })).ToHaveCountAsync(0);

        await user.GoAsync("account");
        await Expect(user.ClaimRow(nick).Locator("td[data-label='State']")).ToHaveTextAsync("verified (by an admin)");
        await user.GoAsync(Links.Person(person));
        await Expect(user.Locator("main p.claimed").First).ToHaveTextAsync("Verified: this is Claimer's account.");
        await Expect(user.Locator("main").GetByText("This is you.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_account_pages_have_no_serious_or_critical_accessibility_violation()
    {
        // axe-core is script run in the page, so it runs in a context with JavaScript on, holding the cookies of the
        // account that registered, confirmed and signed in with JavaScript off.
        var page = await NewPageAsync();
        await page.JoinAsync(server, SiteServer.Admins[1], "Axe Admin");
        var axe = await chromium.NewPageAsync(server.BaseAddress, storageState: await page.Context.StorageStateAsync());

        await axe.GoAsync("account");
        await Expect(axe.Locator("header .account-menu").GetByRole(AriaRole.Link, new() { Name = "Axe Admin" })).ToBeVisibleAsync();
        await axe.AssertAccessibleAsync("account");
        await axe.GoAsync("admin");
        await Expect(axe.Locator("main h1")).ToHaveTextAsync("Admin");
        await axe.ScreenshotAsync("9-admin");
        await axe.AssertAccessibleAsync("admin");

        var anonymous = await chromium.NewPageAsync(server.BaseAddress);
        await anonymous.GoAsync("account/register");
        await anonymous.ScreenshotAsync("7-register");
        await anonymous.AssertAccessibleAsync("register");
        await anonymous.GoAsync("account/login");
        await anonymous.AssertAccessibleAsync("login");
    }

    private Task<IPage> NewPageAsync() => chromium.NewPageAsync(server.BaseAddress, javaScript: false);

    private async Task<string> PersonOfNickAsync(string nick)
    {
        await using var db = server.Db();
        return await db.PersonAliases.Where(a => a.Nick == nick).Select(a => a.Person!.Name).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A person nobody claimed, neither emre nor a meeting bot.</summary>
    private async Task<string> UnclaimedPersonAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = server.Db();
        var bots = await db.SourceBots.Select(b => b.Nick).ToListAsync(ct);
        var people = await db.People.Where(p => p.Aliases.Count > 0 && !p.Aliases.Any(a => a.Nick == "emre") && !db.NickClaims.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Name, Nicks = p.Aliases.Select(a => a.Nick).ToList() }).Take(50).ToListAsync(ct);
        return people.First(p => !p.Nicks.Intersect(bots, StringComparer.OrdinalIgnoreCase).Any()).Name;
    }
}
