using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Components.Pages.Actions;

namespace MeetingTracker.Web.Tests.Ideas;

/// <summary>GET /api/ideas/{id} and POST /api/ideas/{id}/events through the real sign-in, each role against the rules.</summary>
public sealed class IdeaEventsApiTests(IdeaActSite site) : IClassFixture<IdeaActSite>
{
    public static readonly TheoryData<string, string, bool> StatesByRole = Cases();

    [Fact]
    public async Task An_idea_is_as_the_list_shows_it_with_its_state_champion_links_page_and_history()
    {
        using var client = await site.ApiClientAsync("anonymous");
        var listed = (await IdeaActSite.JsonAsync<IdeasAnswer>(client, "/api/ideas?pageSize=100")).Items.Single(i => i.Id == site.BoardIdea);

        var idea = await IdeaActSite.JsonAsync<IdeaDetailAnswer>(client, $"/api/ideas/{site.BoardIdea}");

        Assert.Equal((listed.Text, listed.Nick, listed.Person, listed.Team, listed.MeetingId, listed.Time, listed.Url), (idea.Text, idea.Nick, idea.Person, idea.Team, idea.MeetingId, idea.Time, idea.Url));
        Assert.Equal(listed.FollowedBy.Select(f => f.Url), idea.FollowedBy.Select(f => f.Url));
        Assert.Equal("proposed", listed.State);
        Assert.Equal(listed.Page, idea.Page);
        Assert.EndsWith($"/ideas/{site.BoardIdea}", idea.Page.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(idea.Links);
        Assert.Empty(idea.History);
    }

    [Fact]
    public async Task An_unknown_idea_is_404_with_an_error_to_read_and_to_write()
    {
        using var client = await site.ApiClientAsync("admin");

        using var get = await client.GetAsync(new Uri("/api/ideas/987654", UriKind.Relative), TestContext.Current.CancellationToken);
        using var post = await IdeaActSite.PostAsync(client, 987654, new { comment = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("987654", (await get.Content.ReadFromJsonAsync<AccountabilityError>(TestContext.Current.CancellationToken))!.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [MemberData(nameof(StatesByRole))]
    public async Task The_author_a_chair_and_an_admin_set_each_state_and_other_users_may_not(string role, string state, bool allowed)
    {
        using var client = await site.ApiClientAsync(role);

        using var response = await IdeaActSite.PostAsync(client, site.AuthorIdea, new { state, note = $"{role} says {state}" });

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var made = await response.Content.ReadFromJsonAsync<HistoryEntry>(JsonSerializerOptions.Web, TestContext.Current.CancellationToken);
            Assert.Equal(("state", state, role), (made!.Kind, made.To, made.By));
            Assert.EndsWith($"/ideas/{site.AuthorIdea}#event-{made.Id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var idea = await IdeaActSite.JsonAsync<IdeaDetailAnswer>(client, $"/api/ideas/{site.AuthorIdea}");
            Assert.Equal(state, idea.State);
            Assert.Equal(made.Id, idea.History[^1].Id);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("author", (await response.Content.ReadFromJsonAsync<AccountabilityError>(TestContext.Current.CancellationToken))!.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var client = await site.ApiClientAsync("anonymous");

        using var response = await IdeaActSite.PostAsync(client, site.AuthorIdea, new { state = "accepted" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "state": "finished" }""", "Unknown state")]
    [InlineData("""{ "link": "javascript:alert(1)" }""", "http or https")]
    [InlineData("""{ "state": "accepted", "link": "javascript:alert(1)" }""", "http or https")]
    [InlineData("""{ "comment": "a", "takeOn": true }""", "Say one thing")]
    public async Task A_malformed_change_is_400_with_the_reason(string body, string reason)
    {
        using var client = await site.ApiClientAsync("author");
        var before = (await IdeaActSite.JsonAsync<IdeaDetailAnswer>(client, $"/api/ideas/{site.AuthorIdea}")).History.Count;

        using var response = await client.PostAsync(
            new Uri($"/api/ideas/{site.AuthorIdea}/events", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<AccountabilityError>(TestContext.Current.CancellationToken))!.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await IdeaActSite.JsonAsync<IdeaDetailAnswer>(client, $"/api/ideas/{site.AuthorIdea}")).History.Count);
    }

    [Fact]
    public async Task A_verified_user_takes_on_an_idea_nobody_champions_then_nobody_else_can()
    {
        using var unverified = await site.ApiClientAsync("user");
        using var helper = await site.ApiClientAsync("helper");
        using var owner = await site.ApiClientAsync("owner");

        using var refused = await IdeaActSite.PostAsync(unverified, site.TakeOnIdea, new { takeOn = true });
        using var taken = await IdeaActSite.PostAsync(helper, site.TakeOnIdea, new { takeOn = true });
        using var second = await IdeaActSite.PostAsync(owner, site.TakeOnIdea, new { takeOn = true });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        var idea = await IdeaActSite.JsonAsync<IdeaDetailAnswer>(helper, $"/api/ideas/{site.TakeOnIdea}");
        Assert.NotNull(idea.Champion);
        Assert.NotNull(idea.Champion.Name);
        Assert.Equal("champion", idea.History.Single().Kind);

        // The champion may now set its state and add links, as its author may.
        using var state = await IdeaActSite.PostAsync(helper, site.TakeOnIdea, new { state = "in-progress" });
        Assert.Equal(HttpStatusCode.Created, state.StatusCode);
    }

    [Fact]
    public async Task History_is_oldest_first_links_are_kept_and_an_undo_marks_what_it_undid()
    {
        using var author = await site.ApiClientAsync("author");
        using var admin = await site.ApiClientAsync("admin");

        using var comment = await IdeaActSite.PostAsync(author, site.AuthorIdea, new { comment = "first" });
        using var link = await IdeaActSite.PostAsync(author, site.AuthorIdea, new { link = "https://example.org/pull/1" });
        using var helper = await site.ApiClientAsync("helper");
        using var refusedUndo = await IdeaActSite.PostAsync(helper, site.AuthorIdea, new { undo = 1 });
        var linkId = (await link.Content.ReadFromJsonAsync<HistoryEntry>(JsonSerializerOptions.Web, TestContext.Current.CancellationToken))!.Id;
        using var undo = await IdeaActSite.PostAsync(admin, site.AuthorIdea, new { undo = linkId });

        Assert.Equal(HttpStatusCode.Forbidden, refusedUndo.StatusCode);
        Assert.Equal(HttpStatusCode.Created, undo.StatusCode);
        var idea = await IdeaActSite.JsonAsync<IdeaDetailAnswer>(author, $"/api/ideas/{site.AuthorIdea}");
        Assert.Equal(idea.History.Select(e => e.Id).Order(), idea.History.Select(e => e.Id));
        Assert.Equal(["comment", "link", "undo"], idea.History.TakeLast(3).Select(e => e.Kind));
        Assert.True(idea.History.Single(e => e.Id == linkId).Undone);
        Assert.DoesNotContain(new Uri("https://example.org/pull/1"), idea.Links);
    }

    private static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var state in new[] { "accepted", "in-progress", "implemented", "declined", "proposed" })
        {
            foreach (var role in new[] { "author", "chair", "admin" }) data.Add(role, state, true);
            foreach (var role in new[] { "user", "other" }) data.Add(role, state, false);
        }

        return data;
    }
}
