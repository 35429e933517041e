using System.Net;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>Sign in with a real OpenID Connect provider, every redirect followed as a browser would.</summary>
public sealed class OidcSignInTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestOidcProvider Provider => fixture.Provider;

    private OidcSite Site => fixture.Site;

    [Fact]
    public async Task First_sign_in_creates_a_confirmed_account_signs_it_in_and_verifies_the_persons_of_its_nicks()
    {
        Provider.User = new ProviderUser("ada-sub", "ada@example.org", true, "Ada Lovelace", ["adalove", "charles_", "not-in-any-log"]);
        using var browser = new Browser();

        var end = await SignInAsync(browser, "/teams");

        Assert.Equal(new Uri(Site.BaseAddress, "/teams"), end);
        var hops = browser.Visited.Select(u => (u.Port, u.AbsolutePath)).ToList();
        Assert.Equal(
            [
                (Provider.Authority.Port, "/connect/authorize"), (Provider.Authority.Port, "/test-login"), (Provider.Authority.Port, "/connect/authorize"),
                (Site.BaseAddress.Port, "/signin-oidc"), (Site.BaseAddress.Port, ExternalLoginEndpoints.CallbackPath), (Site.BaseAddress.Port, "/teams"),
            ],
            hops);
        Assert.Contains("code_challenge=", browser.Visited[0].Query, StringComparison.Ordinal);
        Assert.Equal("ada@example.org", await WhoAmIAsync(browser));

        await using (var db = Site.Db())
        {
            var account = await db.Users.SingleAsync(a => a.Email == "ada@example.org", Ct);
            Assert.True(account.EmailConfirmed);
            Assert.Equal("Ada Lovelace", account.DisplayName);
            Assert.Null(account.PasswordHash);
            var login = await db.UserLogins.SingleAsync(l => l.UserId == account.Id, Ct);
            Assert.Equal((OidcSetup.Scheme, "ada-sub"), (login.LoginProvider, login.ProviderKey));
            var claims = await db.NickClaims.Where(c => c.AccountId == account.Id).OrderBy(c => c.Nick).ToListAsync(Ct);
            Assert.Equal(["adalove", "charles_"], claims.Select(c => c.Nick));
            var people = await db.People.Where(p => p.Name == "adalove" || p.Name == "charles").OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(Ct);
            Assert.Equal(people, claims.Select(c => c.PersonId));
            Assert.All(claims, c => Assert.Equal((ClaimStatus.Verified, (ClaimVerification?)ClaimVerification.Oidc), (c.Status, c.VerifiedBy)));
        }

        // Again, from another browser: the same account through its login, and nothing claimed twice.
        using var second = new Browser();
        Assert.Equal(new Uri(Site.BaseAddress, "/"), await SignInAsync(second, "https://evil.example/"));
        Assert.Equal("ada@example.org", await WhoAmIAsync(second));
        await using (var db = Site.Db())
        {
            Assert.Equal(1, await db.Users.CountAsync(a => a.Email == "ada@example.org", Ct));
            Assert.Equal(2, await db.NickClaims.CountAsync(c => c.Account!.Email == "ada@example.org", Ct));
        }
    }

    [Fact]
    public async Task An_account_with_the_verified_address_is_linked_confirmed_and_loses_the_password_nobody_proved()
    {
        var existing = await fixture.CreateAccountAsync("bob@example.org", confirmed: false);
        Provider.User = new ProviderUser("bob-sub", "bob@example.org", true, "Bob", []);
        using var browser = new Browser();

        Assert.Equal(new Uri(Site.BaseAddress, "/"), await SignInAsync(browser, "/"));

        Assert.Equal("bob@example.org", await WhoAmIAsync(browser));
        await using var db = Site.Db();
        var account = await db.Users.SingleAsync(a => a.Email == "bob@example.org", Ct);
        Assert.Equal(existing.Id, account.Id);
        Assert.True(account.EmailConfirmed);
        Assert.Null(account.PasswordHash);
        Assert.Equal("bob-sub", (await db.UserLogins.SingleAsync(l => l.UserId == account.Id, Ct)).ProviderKey);
    }

    [Fact]
    public async Task A_disabled_account_is_refused()
    {
        await fixture.CreateAccountAsync("carol@example.org", confirmed: true, disabledAt: DateTimeOffset.UnixEpoch);
        Provider.User = new ProviderUser("carol-sub", "carol@example.org", true, "Carol", ["adalove"]);
        using var browser = new Browser();

        var end = await SignInAsync(browser, "/");

        Assert.Equal(AccountsSetup.LoginPath, end.AbsolutePath);
        Assert.Contains("disabled", Uri.UnescapeDataString(end.Query), StringComparison.Ordinal);
        Assert.Equal("anonymous", await WhoAmIAsync(browser));
        await using var db = Site.Db();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == "carol-sub", Ct));
    }

    [Fact]
    public async Task An_address_the_provider_did_not_verify_makes_an_unconfirmed_account_that_signs_in_once_it_does()
    {
        Provider.User = new ProviderUser("dan-sub", "dan@example.org", false, "Dan", []);
        using var browser = new Browser();

        var end = await SignInAsync(browser, "/");

        Assert.Equal(AccountsSetup.LoginPath, end.AbsolutePath);
        Assert.Contains("confirm your e-mail address", Uri.UnescapeDataString(end.Query), StringComparison.Ordinal);
        Assert.Equal("anonymous", await WhoAmIAsync(browser));
        await using (var db = Site.Db())
        {
            Assert.False((await db.Users.SingleAsync(a => a.Email == "dan@example.org", Ct)).EmailConfirmed);
            // The address can be proved by mail too, as a registering user proves it.
            Assert.Equal(AccountMail.ConfirmKind, (await db.Outbox.SingleAsync(m => m.To == "dan@example.org", Ct)).Kind);
        }

        Provider.User = Provider.User with { EmailVerified = true };
        Assert.Equal(new Uri(Site.BaseAddress, "/"), await SignInAsync(browser, "/"));
        Assert.Equal("dan@example.org", await WhoAmIAsync(browser));
    }

    [Fact]
    public async Task A_user_who_declines_at_the_provider_lands_on_the_login_page_with_a_message()
    {
        Provider.User = new ProviderUser("erin-sub", "erin@example.org", true, "Erin", [], Refuses: true);
        using var browser = new Browser();

        var end = await SignInAsync(browser, "/");

        Assert.Equal(AccountsSetup.LoginPath, end.AbsolutePath);
        Assert.Contains("did not succeed", Uri.UnescapeDataString(end.Query), StringComparison.Ordinal);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/signin-oidc" && u.Query.Contains("error=access_denied", StringComparison.Ordinal));
        Assert.Equal("anonymous", await WhoAmIAsync(browser));
    }

    [Fact]
    public async Task The_challenge_needs_the_antiforgery_token()
    {
        using var browser = new Browser();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(Site.BaseAddress, ExternalLoginEndpoints.StartPath))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }),
        };
        using var response = await new HttpClient().SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // Posts the sign-in button's form and follows every redirect until the site sends the browser to a page.
    private async Task<Uri> SignInAsync(Browser browser, string returnUrl)
    {
        using var tokenResponse = await browser.GetAsync(new Uri(Site.BaseAddress, "/test/antiforgery"), Ct);
        var token = await tokenResponse.Content.ReadAsStringAsync(Ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(Site.BaseAddress, ExternalLoginEndpoints.StartPath))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl }),
        };
        return await browser.FollowAsync(
            post,
            u => u.Port == Site.BaseAddress.Port && u.AbsolutePath is not ("/signin-oidc" or ExternalLoginEndpoints.CallbackPath),
            Ct);
    }

    private async Task<string> WhoAmIAsync(Browser browser)
    {
        using var response = await browser.GetAsync(new Uri(Site.BaseAddress, "/test/whoami"), Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
