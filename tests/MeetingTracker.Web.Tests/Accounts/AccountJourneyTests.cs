using System.Net;
using MeetingTracker.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>Registering, confirming, signing in and out, through the pages as a browser without script uses them.</summary>
public sealed class AccountJourneyTests(AccountsFixture site) : IClassFixture<AccountsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_confirm_sign_in_change_password_sign_out()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();

        using var registered = await browser.SubmitAsync("account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Ada", ["Input.Password"] = AccountsFixture.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // Not before the address is confirmed.
        using var early = await browser.SignInAsync(email, AccountsFixture.Password);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Confirm your e-mail address first", await AccountClient.MainTextAsync(early), StringComparison.Ordinal);

        var confirm = await site.MailLinkAsync(email, AccountMail.ConfirmKind);
        Assert.StartsWith("/account/confirm?userId=", confirm, StringComparison.Ordinal);
        Assert.Contains("Your address is confirmed", (await browser.DocumentAsync(confirm)).Body!.TextContent, StringComparison.Ordinal);

        using var signedIn = await browser.SignInAsync(email, AccountsFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", AccountClient.Target(signedIn));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mt.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http here

        var header = (await browser.DocumentAsync("/")).QuerySelector(".account-menu")!;
        Assert.Contains("Ada", header.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your account", (await browser.DocumentAsync("account")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        using var changed = await browser.SubmitAsync("account", "password", new Dictionary<string, string>
        {
            ["Input.Current"] = AccountsFixture.Password, ["Input.Password"] = "a new long password", ["Input.Confirm"] = "a new long password",
        });
        Assert.Equal("/account?done=password", AccountClient.Target(changed));

        // The header's sign-out button posts to the sign-out page's form.
        using var signedOut = await browser.SubmitAsync("account", "logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var account = await browser.Http.GetAsync(new Uri("account", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/account/login", AccountClient.Target(account), StringComparison.Ordinal);

        using var old = await browser.SignInAsync(email, AccountsFixture.Password);
        Assert.Contains("Wrong e-mail address or password", await AccountClient.MainTextAsync(old), StringComparison.Ordinal);
        using var again = await browser.SignInAsync(email, "a new long password");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_over_https()
    {
        using var browser = site.Client("https");
        var email = AccountsFixture.NewEmail();
        await site.CreateConfirmedAsync(email);

        using var signedIn = await browser.SignInAsync(email, AccountsFixture.Password);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mt.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Registering_a_taken_address_says_the_same_and_mails_its_owner()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        await site.CreateConfirmedAsync(email);

        using var registered = await browser.SubmitAsync("account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Mallory", ["Input.Password"] = AccountsFixture.Password,
        });

        Assert.Equal("/account/register?sent=true", AccountClient.Target(registered));
        Assert.StartsWith("/account/forgot", await site.MailLinkAsync(email, AccountMail.ExistsKind), StringComparison.Ordinal);
        await using var db = site.Host.Db();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email, Ct));
    }
}
