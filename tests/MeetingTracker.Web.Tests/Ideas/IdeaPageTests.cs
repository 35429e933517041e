using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MeetingTracker.Web.Api;

namespace MeetingTracker.Web.Tests.Ideas;

/// <summary>/ideas/{id} over the real site: what it shows, and each form only to the callers the rules let use it.</summary>
public sealed class IdeaPageTests(IdeaActSite site) : IClassFixture<IdeaActSite>
{
    [Theory]
    [InlineData("anonymous", "")]
    [InlineData("user", "")]
    [InlineData("other", "takeOn comment")]
    [InlineData("helper", "takeOn comment")]
    [InlineData("chair", "takeOn state link champion comment")]
    [InlineData("admin", "takeOn state link champion comment")]
    public async Task Each_caller_sees_the_forms_it_may_use(string role, string forms)
    {
        using var client = await site.Accounts.ClientAsync(role);

        var page = await PageAsync(client, site.AuthorIdea);

        Assert.Equal(forms, string.Join(' ', page.QuerySelectorAll($"#act form[action='ideas/{site.AuthorIdea}/events']").Select(Purpose)));
        Assert.All(page.QuerySelectorAll("#act form"), f => Assert.Equal("post", f.GetAttribute("method")));
        Assert.All(page.QuerySelectorAll("#act form"), f => Assert.NotNull(f.QuerySelector("input[name='__RequestVerificationToken']")));
        Assert.All(page.QuerySelectorAll("#act input:not([type='hidden']), #act select, #act textarea"), i => Assert.NotNull(page.QuerySelector($"label[for='{i.Id}']")));
        var login = page.QuerySelector("#act a[href^='account/login']");
        Assert.Equal(role == "anonymous", login is not null);
        if (login is not null)
        {
            Assert.Equal($"account/login?returnUrl=%2Fideas%2F{site.AuthorIdea}", login.GetAttribute("href"));
            Assert.Contains("sign in to act on this idea", login.TextContent, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_page_shows_the_idea_its_state_champion_safe_links_and_history_with_undo_for_chairs()
    {
        using var author = await site.ApiClientAsync("author");
        using (var state = await IdeaActSite.PostAsync(author, site.AuthorIdea, new { state = "accepted", note = "we agreed", link = "https://example.org/design" })) Assert.Equal(HttpStatusCode.Created, state.StatusCode);
        using (var comment = await IdeaActSite.PostAsync(author, site.AuthorIdea, new { comment = "<b>bold</b> words" })) Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var idea = await IdeaActSite.JsonAsync<IdeaDetailAnswer>(author, $"/api/ideas/{site.AuthorIdea}");
        using var chair = await site.Accounts.ClientAsync("chair");

        var page = await PageAsync(chair, site.AuthorIdea);

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(idea.Text, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"Idea {site.AuthorIdea}", page.Title, StringComparison.Ordinal);
        Assert.Equal($"feeds/ideas/{site.AuthorIdea}.atom", page.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("ideas", page.QuerySelector("nav.crumbs a")!.GetAttribute("href"));
        Assert.Equal("accepted", page.QuerySelector(".facts .state")!.TextContent);
        Assert.NotNull(page.QuerySelector($".facts a[href='{idea.Url.PathAndQuery.TrimStart('/')}{idea.Url.Fragment}']"));
        Assert.NotNull(page.QuerySelector($".facts a[href='people/{Uri.EscapeDataString(idea.Person!)}']"));
        var implementation = page.QuerySelector("a[href='https://example.org/design']")!;
        Assert.Equal("nofollow ugc noopener", implementation.GetAttribute("rel"));
        Assert.Equal(idea.FollowedBy.Count, page.QuerySelectorAll("section[aria-labelledby='followed-heading'] li a:not([href^='http'])").Length);

        var entries = page.QuerySelectorAll("#history ol > li");
        Assert.Equal(idea.History.Select(e => $"event-{e.Id}"), entries.Select(e => e.Id));
        Assert.Contains("<b>bold</b> words", entries[^1].TextContent, StringComparison.Ordinal);
        Assert.Null(entries[^1].QuerySelector("b"));
        Assert.NotNull(entries[^1].QuerySelector("time[datetime]"));
        Assert.All(entries.Where(e => !e.ClassList.Contains("undone")), e => Assert.NotNull(e.QuerySelector($"form[action='ideas/{site.AuthorIdea}/events'] input[name='undo']")));

        using var helper = await site.Accounts.ClientAsync("helper");
        var helperPage = await PageAsync(helper, site.AuthorIdea);
        Assert.Equal(entries.Length, helperPage.QuerySelectorAll("#history ol > li").Length);
        Assert.Empty(helperPage.QuerySelectorAll("#history input[name='undo']"));
    }

    [Fact]
    public async Task A_form_post_says_what_happened_on_the_page_it_returns_to()
    {
        var ct = TestContext.Current.CancellationToken;
        using var author = await site.Accounts.ClientAsync("author");
        var token = await site.Accounts.FormTokenAsync(author, $"/ideas/{site.AuthorIdea}");

        using var posted = await author.PostAsync(
            new Uri($"/ideas/{site.AuthorIdea}/events", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["link"] = "javascript:alert(1)" }), ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var back = posted.Headers.Location!.OriginalString;
        Assert.StartsWith($"/ideas/{site.AuthorIdea}?message=", back, StringComparison.Ordinal);
        var page = await PageAsync(author, back);
        Assert.Contains("http or https", page.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href^='javascript']"));
    }

    [Fact]
    public async Task An_unknown_idea_is_the_not_found_page()
    {
        using var client = await site.Accounts.ClientAsync("anonymous");

        using var response = await client.GetAsync(new Uri("/ideas/987654", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Purpose(IElement form)
    {
        if (form.QuerySelector("input[name='takeOn']") is not null) return "takeOn";
        if (form.QuerySelector("select[name='state']") is not null) return "state";
        if (form.QuerySelector("input[name='link']") is not null) return "link";
        if (form.QuerySelector("input[name='champion']") is not null) return "champion";
        return form.QuerySelector("textarea[name='comment']") is not null ? "comment" : "?";
    }

    private static Task<IDocument> PageAsync(HttpClient client, int ideaId) => PageAsync(client, $"/ideas/{ideaId}");

    private static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
    }
}
