using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingTracker.Web.Tests.Accounts;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>
/// POST /api/actions/{id}/events on the real site: each change × each role, on an action the owner holds through the
/// logs (changes here never release it, so the cases do not depend on each other's order), and what GET shows after.
/// </summary>
public sealed class ActionEventsApiTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    private static readonly string[] InferredStates = ["open", "overdue", "dropped", "done"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A change and the roles that get 201 (signed-in others get 403, anonymous 401).</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (change, allowed) in new[]
        {
            ("""{"state":"open"}""", "owner chair admin"),
            ("""{"state":"in-progress","note":"started"}""", "owner chair admin"),
            ("""{"state":"need-help","note":"with the DNS part"}""", "owner chair admin"),
            ("""{"state":"done","link":"https://example.org/pull/7"}""", "owner chair admin"),
            ("""{"state":"wont-do","note":"superseded"}""", "chair admin"),
            ("""{"dueDate":"2026-12-24"}""", "owner chair admin"),
            ("""{"comment":"how is it going?"}""", "other owner chair admin"),
            ("""{"offer":true,"note":"I can review"}""", "other chair admin"),
        })
        {
            data.Add(change, allowed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_change_is_made_by_its_roles_and_refused_to_the_others(string change, string allowed)
    {
        var chain = (await site.OwnedChainsAsync())[0];
        using (var admin = await site.ClientAsync("admin"))
        {
            // Whatever an earlier case left (done, won't do), the action is open again: offers need one that is not closed.
            using var reset = await site.PostJsonAsync(admin, $"/api/actions/{chain}/events", new { state = "open" });
            Assert.Equal(HttpStatusCode.Created, reset.StatusCode);
        }

        var answers = new List<string>();
        foreach (var role in AccountsSite.Roles)
        {
            using var client = await site.ClientAsync(role);
            using var body = JsonDocument.Parse(change);
            using var response = await site.PostJsonAsync(client, $"/api/actions/{chain}/events", body.RootElement, signedIn: role != "anonymous");
            answers.Add($"{role}:{(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var made = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                Assert.Equal(role, made.GetProperty("by").GetString());
                Assert.True(made.GetProperty("id").GetInt64() > 0);
            }
            else if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString()));
            }
        }

        var expected = AccountsSite.Roles.Select(r => $"{r}:{(r == "anonymous" ? 401 : allowed.Split(' ').Contains(r) ? 201 : 403)}");
        Assert.Equal(string.Join(' ', expected), string.Join(' ', answers));
    }

    [Fact]
    public async Task The_state_set_shows_in_the_chain_the_list_and_the_history_at_the_next_request()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        using var owner = await site.ClientAsync("owner");
        using (var set = await site.PostJsonAsync(owner, $"/api/actions/{chain}/events", new { state = "need-help", note = "which mirror?" }))
        {
            Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        }

        var detail = await owner.GetFromJsonAsync<JsonElement>($"/api/actions/{chain}", Ct);
        Assert.Equal("need-help", detail.GetProperty("state").GetString());
        Assert.Contains(detail.GetProperty("inferredState").GetString(), InferredStates);
        var last = detail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("owner", "need-help", "which mirror?"), (last.GetProperty("by").GetString(), last.GetProperty("to").GetString(), last.GetProperty("note").GetString()));
        var ats = detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ats.Order(), ats);
        Assert.Contains(site.OwnerNick, detail.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("nick").GetString()));

        var list = await owner.GetFromJsonAsync<JsonElement>("/api/actions?state=need-help&pageSize=100", Ct);
        Assert.Contains(chain, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Bad_requests_get_their_answers()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        using var admin = await site.ClientAsync("admin");
        using var anonymous = await site.ClientAsync("anonymous");

        using (var unknown = await site.PostJsonAsync(admin, $"/api/actions/{chain}/events", new { state = "finished" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("Unknown state", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using (var link = await site.PostJsonAsync(admin, $"/api/actions/{chain}/events", new { state = "done", link = "javascript:alert(1)" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
        }

        using (var missing = await site.PostJsonAsync(admin, "/api/actions/999999/events", new { state = "done" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var noToken = await admin.PostAsJsonAsync($"/api/actions/{chain}/events", new { comment = "no antiforgery token" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using (var none = await anonymous.PostAsJsonAsync($"/api/actions/{chain}/events", new { state = "done" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        using var get = await anonymous.GetAsync(new Uri("/api/actions/999999", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task A_personal_access_token_writes_without_an_antiforgery_token()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        string token;
        await using (var db = site.Db())
        {
            (_, token) = await Core.Accounts.AccessTokens.CreateAsync(db, site.AccountIds["owner"], "actions-script", null, TimeProvider.System.GetUtcNow(), Ct);
        }

        using var client = site.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsJsonAsync($"/api/actions/{chain}/events", new { comment = "from my script" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/actions/{chain}#event-{(await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
    }
}
