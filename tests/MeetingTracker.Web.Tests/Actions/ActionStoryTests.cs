using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MeetingTracker.Web.Tests.Accounts;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>
/// One action's life on the real site, in order: its owner releases it, a verified user takes it and closes it with a
/// link, a chair undoes that and gives it back, the history keeps every step; and /actions/{id} shows each caller the
/// forms they may use. (Releases and takes change who owns it: this class has its own site.)
/// </summary>
public sealed class ActionStoryTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Released_taken_done_undone_and_given_back_with_every_step_in_the_history()
    {
        var chain = (await site.OwnedChainsAsync())[^1];
        var path = $"/api/actions/{chain}/events";
        using var owner = await site.ClientAsync("owner");
        using var other = await site.ClientAsync("other");
        using var user = await site.ClientAsync("user");
        using var chair = await site.ClientAsync("chair");

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(other, path, new { take = true }));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(owner, path, new { state = "no-time", note = "moving house" }));
        var released = await GetAsync(chain);
        Assert.Equal("no-time", released.GetProperty("state").GetString());
        Assert.Empty(released.GetProperty("owners").EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(user, path, new { take = true }));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(other, path, new { take = true }));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(owner, path, new { state = "in-progress" }));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(other, path, new { state = "done", link = "https://example.org/pull/42" }));
        var done = await GetAsync(chain);
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal([site.FreeNick], done.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("nick").GetString()));
        Assert.Contains(site.OwnerNick, done.GetProperty("earlierOwners").EnumerateArray().Select(o => o.GetProperty("nick").GetString()));
        var doneEvent = done.GetProperty("history").EnumerateArray().Last().GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(other, path, new { undo = doneEvent }));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(chair, path, new { undo = doneEvent }));
        Assert.Equal("open", (await GetAsync(chain)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(chair, path, new { reassign = site.OwnerNick }));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(owner, path, new { state = "in-progress" }));

        // Other tests of this class may have commented on the same action before: the story is the last six events.
        var all = (await GetAsync(chain)).GetProperty("history").EnumerateArray().ToList();
        var history = all[^6..];
        Assert.Equal(
            ["owner state no-time", "other take open", "other state done", "chair undo open", "chair reassign open", "owner state in-progress"],
            history.Select(e => $"{e.GetProperty("by").GetString()} {e.GetProperty("kind").GetString()} {e.GetProperty("to").GetString()}"));
        Assert.True(history[2].GetProperty("undone").GetBoolean());
        Assert.Equal("https://example.org/pull/42", history[2].GetProperty("link").GetString());
        Assert.Equal(all.Select(e => e.GetProperty("at").GetDateTimeOffset()).Order(), all.Select(e => e.GetProperty("at").GetDateTimeOffset()));
    }

    [Theory]
    [InlineData("anonymous", "", "Sign in")]
    [InlineData("user", "", "Claim your nick")]
    [InlineData("other", "offer comment", null)]
    [InlineData("owner", "state due comment", null)]
    [InlineData("chair", "state due take offer reassign comment", null)]
    [InlineData("admin", "state due take offer reassign comment", null)]
    public async Task The_action_page_shows_each_caller_the_forms_they_may_use(string role, string forms, string? told)
    {
        var chain = (await site.OwnedChainsAsync())[0];
        using var client = await site.ClientAsync(role);
        var html = await client.GetStringAsync(new Uri($"/actions/{chain}", UriKind.Relative), Ct);
        var page = new HtmlParser().ParseDocument(html);

        var shown = page.QuerySelectorAll($"form[action='actions/{chain}/events']").Select(FormName).Where(n => n != "undo").Distinct();
        Assert.Equal(forms, string.Join(' ', shown));
        if (told is not null) Assert.Contains(told, page.QuerySelector("#act")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(role is "chair" or "admin", page.QuerySelectorAll("#state option").Any(o => o.GetAttribute("value") == "wont-do"));
        Assert.NotNull(page.QuerySelector("h1"));
        Assert.Contains(page.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == $"feeds/actions/{chain}.atom");
    }

    [Fact]
    public async Task A_form_post_redirects_back_with_what_happened_and_an_unknown_action_is_not_found()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        using var owner = await site.ClientAsync("owner");
        var form = new Dictionary<string, string>
        {
            ["comment"] = "<script>alert(1)</script> done soon",
            ["__RequestVerificationToken"] = await site.FormTokenAsync(owner, $"/actions/{chain}"),
        };
        using var response = await owner.PostAsync(new Uri($"/actions/{chain}/events", UriKind.Relative), new FormUrlEncodedContent(form), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/actions/{chain}?message=", back, StringComparison.Ordinal);
        var html = await owner.GetStringAsync(new Uri(back, UriKind.Relative), Ct);
        Assert.Contains("Comment added.", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; done soon", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);

        using var missing = await owner.GetAsync(new Uri("/actions/999999", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string FormName(AngleSharp.Dom.IElement form)
    {
        string? Field(string name) => form.QuerySelector($"[name='{name}']")?.GetAttribute("name");
        return Field("state") ?? Field("dueDate")?.Replace("dueDate", "due", StringComparison.Ordinal) ?? Field("take") ?? Field("offer") ?? Field("reassign") ?? Field("comment") ?? Field("undo") ?? "?";
    }

    private async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, object body)
    {
        using var response = await site.PostJsonAsync(client, path, body);
        return response.StatusCode;
    }

    private async Task<JsonElement> GetAsync(int chain)
    {
        using var client = await site.ClientAsync("anonymous");
        return await client.GetFromJsonAsync<JsonElement>($"/api/actions/{chain}", Ct);
    }
}
