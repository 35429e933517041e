using System.Net;
using System.Text.Json;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>A password forgotten and reset, the address changed, the data downloaded, the account deleted.</summary>
public sealed class AccountManageTests(AccountsFixture site) : IClassFixture<AccountsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forgot_and_reset_never_tell_whether_an_address_has_an_account()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        var nobody = AccountsFixture.NewEmail();
        await site.CreateConfirmedAsync(email);

        using var known = await browser.SubmitAsync("account/forgot", "forgot", new Dictionary<string, string> { ["Input.Email"] = email });
        using var unknown = await browser.SubmitAsync("account/forgot", "forgot", new Dictionary<string, string> { ["Input.Email"] = nobody });

        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        await using (var db = site.Host.Db())
        {
            Assert.False(await db.Outbox.AnyAsync(m => m.To == nobody, Ct));
        }

        var reset = await site.MailLinkAsync(email, AccountMail.ResetKind);
        Assert.StartsWith("/account/reset?userId=", reset, StringComparison.Ordinal);
        using var done = await browser.SubmitAsync(reset, "reset", new Dictionary<string, string> { ["Input.Password"] = "the reset password", ["Input.Confirm"] = "the reset password" });
        Assert.Equal("/account/login?reset=true", AccountClient.Target(done));

        using var reused = await browser.SubmitAsync(reset, "reset", new Dictionary<string, string> { ["Input.Password"] = "another password!", ["Input.Confirm"] = "another password!" });
        Assert.Contains("not valid", await AccountClient.MainTextAsync(reused), StringComparison.Ordinal);
        using var signedIn = await browser.SignInAsync(email, "the reset password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_new_address_applies_once_confirmed()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        var newEmail = AccountsFixture.NewEmail();
        await site.CreateConfirmedAsync(email);
        using var signedIn = await browser.SignInAsync(email, AccountsFixture.Password);

        using var asked = await browser.SubmitAsync("account", "email", new Dictionary<string, string> { ["Input.Email"] = newEmail });
        Assert.Equal("/account?done=email", AccountClient.Target(asked));
        Assert.Contains(email, (await browser.DocumentAsync("account")).QuerySelector(".account-facts")!.TextContent, StringComparison.Ordinal);

        var link = await site.MailLinkAsync(newEmail, AccountMail.ChangeKind);
        Assert.Contains("is now", (await browser.DocumentAsync(link)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Contains(newEmail, (await browser.DocumentAsync("account")).QuerySelector(".account-facts")!.TextContent, StringComparison.Ordinal);
        using var other = site.Client();
        using var byOld = await other.SignInAsync(email, AccountsFixture.Password);
        Assert.Equal(HttpStatusCode.OK, byOld.StatusCode);
        using var byNew = await other.SignInAsync(newEmail, AccountsFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, byNew.StatusCode);
    }

    [Fact]
    public async Task The_data_download_is_json_without_token_hashes()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        var account = await site.CreateConfirmedAsync(email);
        var token = await AddClaimAndTokenAsync(account.Id);
        await AddReminderPreferencesAsync(account.Id);
        using var signedIn = await browser.SignInAsync(email, AccountsFixture.Password);

        var page = await browser.DocumentAsync("account");
        var href = page.QuerySelector("a[download]")!.GetAttribute("href")!;
        using var response = await browser.Http.GetAsync(new Uri("/" + href, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(token.Hash, body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("alice", json.RootElement.GetProperty("nickClaims")[0].GetProperty("nick").GetString());
        Assert.Equal("ci", json.RootElement.GetProperty("accessTokens")[0].GetProperty("name").GetString());
        Assert.Equal("Asia/Kolkata", json.RootElement.GetProperty("reminders").GetProperty("preferences").GetProperty("timeZone").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("accountabilityEvents").ValueKind);
    }

    private async Task AddReminderPreferencesAsync(string accountId)
    {
        await using var db = site.Host.Db();
        db.ReminderPreferences.Add(new Core.Reminders.ReminderPreferences { AccountId = accountId, Frequency = Core.Reminders.DigestFrequency.Daily, TimeZone = "Asia/Kolkata" });
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_data_download_asks_to_sign_in()
    {
        using var browser = site.Client();

        using var response = await browser.Http.GetAsync(new Uri(AccountPagesSetup.DataPath, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", AccountClient.Target(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_leaves_a_tombstone_ends_claims_and_revokes_tokens()
    {
        using var browser = site.Client();
        var email = AccountsFixture.NewEmail();
        var account = await site.CreateConfirmedAsync(email);
        await AddClaimAndTokenAsync(account.Id);
        await AddReminderPreferencesAsync(account.Id);
        using var signedIn = await browser.SignInAsync(email, AccountsFixture.Password);

        using var wrong = await browser.SubmitAsync("account", "delete", new Dictionary<string, string> { ["Input.Password"] = "not the password" });
        Assert.Contains("not deleted", await AccountClient.MainTextAsync(wrong), StringComparison.Ordinal);
        using var deleted = await browser.SubmitAsync("account", "delete", new Dictionary<string, string> { ["Input.Password"] = AccountsFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await using var db = site.Host.Db();
        var tombstone = await db.Users.AsNoTracking().SingleAsync(u => u.Id == account.Id, Ct);
        Assert.NotNull(tombstone.DeletedAt);
        Assert.Equal(Account.DeletedName, tombstone.ShownName);
        Assert.DoesNotContain(email, tombstone.Email, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, tombstone.UserName, StringComparison.OrdinalIgnoreCase);
        Assert.Null(tombstone.PasswordHash);
        var claim = await db.NickClaims.AsNoTracking().SingleAsync(c => c.AccountId == account.Id, Ct);
        Assert.Equal(ClaimStatus.Ended, claim.Status);
        Assert.Equal(AccountDeletion.ClaimNote, claim.Note);
        Assert.NotNull((await db.AccessTokens.AsNoTracking().SingleAsync(t => t.AccountId == account.Id, Ct)).RevokedAt);
        Assert.False(await db.ReminderPreferences.AnyAsync(p => p.AccountId == account.Id, Ct));

        using var page = await browser.Http.GetAsync(new Uri("account", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode); // signed out
        using var again = await browser.SignInAsync(email, AccountsFixture.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private async Task<PersonalAccessToken> AddClaimAndTokenAsync(string accountId)
    {
        await using var db = site.Host.Db();
        var person = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        db.NickClaims.Add(new NickClaim { AccountId = accountId, PersonId = person, Nick = "alice", Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
        var token = new PersonalAccessToken { AccountId = accountId, Name = "ci", Hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "00000000000000000000000000000000", Prefix = "mt_abcd" };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(Ct);
        return token;
    }
}
