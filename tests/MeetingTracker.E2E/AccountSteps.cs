using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingTracker.E2E;

/// <summary>A person's steps through the account pages, by their labels and buttons, as the forms post without script.</summary>
public static class AccountSteps
{
    public const string Password = "correct horse battery staple";

    public const string ConfirmSubject = "Confirm your e-mail address";

    /// <summary>Fills and sends the registration form; the page then says a message went out.</summary>
    public static async Task RegisterAsync(this IPage page, string email, string displayName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GoAsync("account/register");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Register");
        var main = page.Locator("main");
        await main.GetByLabel("E-mail address").FillAsync(email);
        await main.GetByLabel("Display name").FillAsync(displayName);
        await main.GetByLabel(new Regex("^Password")).FillAsync(Password);
        // The confirmation field, where the form asks for the password twice.
        var confirm = main.GetByLabel("Confirm password");
        if (await confirm.CountAsync() > 0)
        {
            await confirm.FillAsync(Password);
        }

        await main.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/account/register\?sent=true$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent a message to the address you gave");
    }

    /// <summary>Opens the link of the confirmation mail sent to <paramref name="email"/>; the page says the address is confirmed.</summary>
    public static async Task ConfirmFromMailAsync(this IPage page, SiteServer server, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        var link = Mailbox.LinkIn(await Mailbox.WaitForAsync(server, email, ConfirmSubject));
        Assert.Equal(server.BaseAddress.Authority, link.Authority);
        await page.GoAsync(link.AbsoluteUri);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Confirm your address");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your address is confirmed");
    }

    /// <summary>Signs in through the sign-in form; the header then shows the display name.</summary>
    public static async Task SignInAsync(this IPage page, string email, string displayName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GoAsync("account/login");
        var main = page.Locator("main");
        await main.GetByLabel("E-mail address").FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await Expect(page.Locator("header .account-menu").GetByRole(AriaRole.Link, new() { Name = displayName })).ToBeVisibleAsync();
    }

    /// <summary>A new account, confirmed through its mail and signed in, on its own page.</summary>
    public static async Task JoinAsync(this IPage page, SiteServer server, string email, string displayName)
    {
        await page.RegisterAsync(email, displayName);
        await page.ConfirmFromMailAsync(server, email);
        await page.SignInAsync(email, displayName);
    }

    /// <summary>The account page's row of the claim of <paramref name="nick"/>.</summary>
    public static ILocator ClaimRow(this IPage page, string nick)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("#claims tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = nick, Exact = true }) });
    }
}
