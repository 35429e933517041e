using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MeetingTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>A personal access token authorizes the API as <c>Authorization: Bearer</c>; a revoked, expired or disabled one does not.</summary>
public sealed class AccessTokenTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_reads_and_writes_the_api_and_a_revoked_one_is_refused()
    {
        var token = await CreateAsync("user", "script");
        using var client = Client(token);

        using var read = await client.GetAsync(new Uri("/api/account", UriKind.Relative), Ct);
        using var write = await client.PostAsJsonAsync(new Uri("/api/account/claims", UriKind.Relative), new { nick = "no-such-nick" }, Ct);
        await using (var db = site.Db())
        {
            var row = await db.AccessTokens.SingleAsync(t => t.AccountId == site.AccountIds["user"] && t.Name == "script", Ct);
            Assert.NotNull(row.LastUsedAt);
            Assert.True(await AccessTokens.RevokeAsync(db, site.AccountIds["user"], "script", TimeProvider.System.GetUtcNow(), Ct));
        }

        using var revoked = await client.GetAsync(new Uri("/api/account", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(AccountsSite.Email("user"), await read.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(write.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"POST with a token: {(int)write.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_an_unknown_one_and_a_disabled_accounts_are_refused()
    {
        var expired = await CreateAsync("other", "old");
        await using (var db = site.Db())
        {
            var row = await db.AccessTokens.SingleAsync(t => t.AccountId == site.AccountIds["other"] && t.Name == "old", Ct);
            row.ExpiresAt = TimeProvider.System.GetUtcNow().AddMinutes(-1);
            await db.SaveChangesAsync(Ct);
        }

        var disabled = await CreateAsync("chair", "chair-script");
        using (var scope = site.Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await AccountStates.DisableAsync(users, (await users.FindByIdAsync(site.AccountIds["chair"]))!, TimeProvider.System.GetUtcNow());
        }

        foreach (var (what, token) in new[] { ("expired", expired), ("unknown", AccessTokens.TokenPrefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), ("disabled", disabled) })
        {
            using var client = Client(token);
            using var response = await client.PostAsJsonAsync(new Uri("/api/account/claims", UriKind.Relative), new { nick = "no-such-nick" }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what} token: {(int)response.StatusCode}");
        }
    }

    private async Task<string> CreateAsync(string role, string name)
    {
        await using var db = site.Db();
        var (_, token) = await AccessTokens.CreateAsync(db, site.AccountIds[role], name, null, TimeProvider.System.GetUtcNow(), Ct);
        return token;
    }

    private HttpClient Client(string token)
    {
        var client = site.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
