using System.Net;
using MeetingTracker.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>Lockout, the forms' rate limit, open redirects, antiforgery, disabled accounts and the security headers.</summary>
public sealed class AccountSecurityTests(AccountsFixture site) : IClassFixture<AccountsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        await site.CreateConfirmedAsync(email);

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await browser.SignInAsync(email, "not the password");
            Assert.Contains("Wrong e-mail address or password", await AccountClient.MainTextAsync(wrong), StringComparison.Ordinal);
        }

        using var fifth = await browser.SignInAsync(email, "not the password");
        Assert.Contains("locked", await AccountClient.MainTextAsync(fifth), StringComparison.Ordinal);
        using var right = await browser.SignInAsync(email, AccountsFixture.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await AccountClient.MainTextAsync(right), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        var account = await site.CreateConfirmedAsync(email);
        await using (var db = site.Host.Db())
        {
            await db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UnixEpoch), Ct);
        }

        using var refused = await browser.SignInAsync(email, AccountsFixture.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This account cannot sign in.", await AccountClient.MainTextAsync(refused), StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("mt.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_forms_answer_429_after_too_many_posts_from_one_address()
    {
        using var browser = site.Client();
        var fields = new Dictionary<string, string> { ["Input.Email"] = AccountsFixture.NewEmail() };

        for (var i = 0; i < Web.Accounts.AccountFormsRateLimit.PermitLimit; i++)
        {
            using var sent = await browser.SubmitAsync("account/forgot", "forgot", fields);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var refused = await browser.SubmitAsync("account/forgot", "forgot", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var other = site.Client(); // another address is not limited
        using var fine = await other.SubmitAsync("account/forgot", "forgot", fields);
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("http:/evil.example", "/")]
    [InlineData("/teams", "/teams")]
    [InlineData("/account?x=1", "/account?x=1")]
    public async Task Sign_in_follows_only_local_return_urls(string returnUrl, string expected)
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        await site.CreateConfirmedAsync(email);

        using var signedIn = await browser.SignInAsync(email, AccountsFixture.Password, "account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(expected, AccountClient.Target(signedIn));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        await site.CreateConfirmedAsync(email);
        _ = await browser.DocumentAsync("account/login"); // the antiforgery cookie is there, the token is not sent

        using var posted = await browser.PostAsync("account/login", new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = AccountsFixture.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("mt.session=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/teams")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var browser = site.Client();

        using var response = await browser.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")), ignoreCase: true);
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_or_style_the_policy_would_block()
    {
        using var browser = site.Client();
        foreach (var path in new[] { "/", "account/login", "account/register", "teams", "people", "actions", "ideas", "stats", "search?q=meeting" })
        {
            var page = await browser.DocumentAsync(path);
            Assert.Empty(page.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
        }
    }

    [Fact]
    public async Task The_jobs_dashboard_has_its_own_policy()
    {
        using var browser = site.Client();
        browser.Http.DefaultRequestHeaders.Remove("X-Forwarded-For"); // the dashboard answers local requests only

        using var response = await browser.Http.GetAsync(new Uri("/jobs", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }
}
