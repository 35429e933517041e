using AngleSharp.Dom;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Home;

/// <summary>The home page's "Help wanted": actions asking for help or released, ideas nobody champions, a link to /help.</summary>
public sealed class HelpWantedTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Actions_asking_for_help_and_ideas_without_a_champion_show_with_links_to_their_pages()
    {
        var snapshot = await Said.SnapshotAsync(site.Host);
        var before = Section(await site.DocumentAsync("/"));
        Assert.Null(before.QuerySelector(".help-actions"));
        Assert.Equal(snapshot.Ideas.Take(5).Select(i => Links.Idea(i.Idea.ItemId)), Hrefs(before, ".help-ideas"));

        var gina = await Said.AccountAsync(site.Host, "gina");
        var (first, second, other) = (snapshot.Actions[2], snapshot.Actions[3], snapshot.Actions[4]);
        var help = await Said.ActionAsync(site.Host, first.Id, gina, EventKind.State, to: "need-help", note: "need a reviewer");
        await Said.ActionAsync(site.Host, second.Id, gina, EventKind.State, to: "no-time", at: help.At.AddSeconds(1));
        await Said.ActionAsync(site.Host, other.Id, gina, EventKind.State, to: "in-progress", at: help.At.AddSeconds(2));
        await Said.IdeaAsync(site.Host, snapshot.Ideas[0].Idea.ItemId, gina, EventKind.Champion);
        var after = Section(await site.DocumentAsync("/"));

        Assert.Equal([Links.Action(second.Id), Links.Action(first.Id)], Hrefs(after, ".help-actions"));
        Assert.Equal(["(no time)", "(need help)"], after.QuerySelectorAll(".help-actions .help-meta").Select(s => s.TextContent));
        Assert.Equal(snapshot.Ideas.Skip(1).Take(5).Select(i => Links.Idea(i.Idea.ItemId)), Hrefs(after, ".help-ideas"));
        Assert.Contains(after.QuerySelectorAll("a"), a => a.GetAttribute("href") == Links.Help);
    }

    // The links to the items' pages (an item's text may hold links of its own: tickets, pull requests).
    private static IEnumerable<string?> Hrefs(IElement section, string list)
        => section.QuerySelectorAll(list + " li a:not([href^='http'])").Select(a => a.GetAttribute("href"));

    private static IElement Section(IDocument page)
        => page.QuerySelector("section[aria-labelledby='help-heading']") ?? throw new InvalidOperationException("no help section");
}
