using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Tests.Ideas;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Help;

/// <summary>/help and GET /api/help over the real site: what needs a hand, and its "I can help" forms doing what they say.</summary>
public sealed class HelpBoardTests(IdeaActSite site) : IClassFixture<IdeaActSite>
{
    [Fact]
    public async Task The_board_lists_help_items_actions_needing_help_or_released_and_ideas_without_champion_and_its_forms_work()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await site.ApiClientAsync("admin");
        var chains = (await IdeaActSite.JsonAsync<ActionsAnswer>(admin, "/api/actions?pageSize=100")).Items;
        var (needHelp, noTime) = (chains[0].Id, chains[1].Id);
        await SayAsync(admin, needHelp, "need-help");
        await SayAsync(admin, noTime, "no-time");
        await using var db = site.Accounts.Db();
        var helpItems = await db.Items.Where(i => i.Kind == ItemKind.Help && i.RemovedAt == null).Select(i => i.Id).ToListAsync(ct);
        Assert.NotEmpty(helpItems);

        using var anonymous = await site.Accounts.ClientAsync("anonymous");
        var board = await IdeaActSite.JsonAsync<HelpAnswer>(anonymous, "/api/help?pageSize=100");

        Assert.Equal(board.Total, board.Items.Count);
        Assert.Equal(board.Items.Select(i => i.Time).OrderDescending(), board.Items.Select(i => i.Time));
        var action = board.Items.Single(i => i.Kind == "action" && i.Id == needHelp);
        Assert.Equal("need-help", action.State);
        Assert.EndsWith($"/actions/{needHelp}", action.Page.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("no-time", board.Items.Single(i => i.Kind == "action" && i.Id == noTime).State);
        Assert.Equal(2, board.Items.Count(i => i.Kind == "action"));
        var idea = board.Items.Single(i => i.Kind == "idea" && i.Id == site.BoardIdea);
        Assert.Equal("proposed", idea.State);
        Assert.EndsWith($"/ideas/{site.BoardIdea}", idea.Page.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(helpItems.Order(), board.Items.Where(i => i.Kind == "help").Select(i => i.Id).Order());
        Assert.All(board.Items.Where(i => i.Kind == "help"), h => Assert.Equal((h.Url, (string?)null), (h.Page, h.State)));
        Assert.Contains("#item-", board.Items.First(i => i.Kind == "help").Page.Fragment, StringComparison.Ordinal);

        var anonymousPage = await PageAsync(anonymous, "/help");
        Assert.Empty(anonymousPage.QuerySelectorAll("main form[method='post']"));
        Assert.NotNull(anonymousPage.QuerySelector("main a[href='account/login?returnUrl=%2Fhelp']"));
        Assert.Equal(Math.Min(board.Total, 25), anonymousPage.QuerySelectorAll("ol.help-board > li").Length);

        using var helper = await site.Accounts.ClientAsync("helper");
        // The page of the board (25 a page) each entry is on.
        string PageOf(string kind, int id) => $"/help?page={(board.Items.ToList().FindIndex(i => i.Kind == kind && i.Id == id) / 25) + 1}";
        var offer = await PostFormAsync(helper, await PageAsync(helper, PageOf("action", needHelp)), $"actions/{needHelp}/events", "offer");
        var take = await PostFormAsync(helper, await PageAsync(helper, PageOf("action", noTime)), $"actions/{noTime}/events", "take");
        var championed = await PostFormAsync(helper, await PageAsync(helper, PageOf("idea", site.BoardIdea)), $"ideas/{site.BoardIdea}/events", "takeOn");
        var help = board.Items.First(i => i.Kind == "help");
        var helpPage = await PageAsync(helper, PageOf("help", help.Id));
        Assert.NotNull(helpPage.QuerySelector($"ol.help-board a[href='{help.Url.PathAndQuery.TrimStart('/')}{help.Url.Fragment}']"));

        Assert.StartsWith($"/actions/{needHelp}?message=", offer, StringComparison.Ordinal);
        Assert.StartsWith($"/actions/{noTime}?message=", take, StringComparison.Ordinal);
        Assert.StartsWith($"/ideas/{site.BoardIdea}?message=", championed, StringComparison.Ordinal);
        var helped = await IdeaActSite.JsonAsync<ActionDetailAnswer>(helper, $"/api/actions/{needHelp}");
        Assert.Equal("helper", Assert.Single(helped.Offers).By);
        var taken = await IdeaActSite.JsonAsync<ActionDetailAnswer>(helper, $"/api/actions/{noTime}");
        Assert.Equal("open", taken.State);
        Assert.Single(taken.Owners);
        Assert.NotNull((await IdeaActSite.JsonAsync<IdeaDetailAnswer>(helper, $"/api/ideas/{site.BoardIdea}")).Champion);

        var after = await IdeaActSite.JsonAsync<HelpAnswer>(anonymous, "/api/help?pageSize=100");
        Assert.DoesNotContain(after.Items, i => (i.Kind, i.Id) == ("action", noTime) || (i.Kind, i.Id) == ("idea", site.BoardIdea));
        Assert.Contains(after.Items, i => (i.Kind, i.Id) == ("action", needHelp));
    }

    [Fact]
    public async Task The_board_filters_by_team_and_says_when_there_is_no_such_team()
    {
        using var client = await site.Accounts.ClientAsync("anonymous");
        var all = await IdeaActSite.JsonAsync<HelpAnswer>(client, "/api/help?pageSize=100");
        var team = all.Items[0].Team.Key;

        var ofTeam = await IdeaActSite.JsonAsync<HelpAnswer>(client, $"/api/help?pageSize=100&team={team}");
        var none = await IdeaActSite.JsonAsync<HelpAnswer>(client, "/api/help?team=no-such-team");
        var paged = await IdeaActSite.JsonAsync<HelpAnswer>(client, "/api/help?pageSize=1&page=2");

        Assert.Equal(all.Items.Where(i => i.Team.Key == team).Select(i => (i.Kind, i.Id)), ofTeam.Items.Select(i => (i.Kind, i.Id)));
        Assert.Empty(none.Items);
        Assert.Contains("no-such-team", none.Error, StringComparison.Ordinal);
        Assert.Equal((all.Items[1].Kind, all.Items[1].Id, all.Total), (paged.Items.Single().Kind, paged.Items.Single().Id, paged.Pages));
        var page = await PageAsync(client, $"/help?team={team}");
        Assert.Equal(team, page.QuerySelector("#help-team option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("nav[aria-label='Main'] a[href='help']"));
    }

    [Fact]
    public async Task Ideas_filter_by_state_and_show_state_and_champion()
    {
        using var admin = await site.ApiClientAsync("admin");
        using (var set = await IdeaActSite.PostAsync(admin, site.TakeOnIdea, new { state = "accepted" })) Assert.Equal(HttpStatusCode.Created, set.StatusCode);

        var accepted = await IdeaActSite.JsonAsync<IdeasAnswer>(admin, "/api/ideas?state=accepted&pageSize=100");
        var proposed = await IdeaActSite.JsonAsync<IdeasAnswer>(admin, "/api/ideas?state=proposed&pageSize=100");
        using var unknown = await admin.GetAsync(new Uri("/api/ideas?state=done", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal([site.TakeOnIdea], accepted.Items.Select(i => i.Id));
        Assert.Equal(("accepted", (Core.Accountability.Events.OwnerLink?)null), (accepted.Items[0].State, accepted.Items[0].Champion));
        Assert.DoesNotContain(proposed.Items, i => i.Id == site.TakeOnIdea);
        Assert.All(proposed.Items, i => Assert.Equal("proposed", i.State));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var board = await IdeaActSite.JsonAsync<HelpAnswer>(admin, "/api/help?pageSize=100");
        Assert.Equal("accepted", board.Items.Single(i => i.Kind == "idea" && i.Id == site.TakeOnIdea).State);

        var page = await PageAsync(admin, "/ideas?state=accepted");
        var row = Assert.Single(page.QuerySelectorAll("ol.ideas > li"));
        Assert.NotNull(row.QuerySelector($"a[href='ideas/{site.TakeOnIdea}']"));
        Assert.Equal("accepted", row.QuerySelector(".state")!.TextContent);
        Assert.Contains("no champion", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("accepted", page.QuerySelector("#ideas-state option[selected]")!.GetAttribute("value"));
        var bad = await PageAsync(admin, "/ideas?state=done");
        Assert.Contains("Unknown state", bad.QuerySelector("main .error")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task SayAsync(HttpClient client, int chainId, string state)
    {
        using var response = await client.PostAsync(
            new Uri($"/api/actions/{chainId}/events", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { state }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Posts the board's form to <paramref name="action"/> as a browser would (its fields and token); the redirect's target.</summary>
    private static async Task<string> PostFormAsync(HttpClient client, IDocument page, string action, string field)
    {
        var form = page.QuerySelectorAll($"ol.help-board form[action='{action}']").Single();
        Assert.Equal("true", form.QuerySelector($"input[name='{field}']")!.GetAttribute("value"));
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        using var response = await client.PostAsync(new Uri("/" + action, UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
    }
}
