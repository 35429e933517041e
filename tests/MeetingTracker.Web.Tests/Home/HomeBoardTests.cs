using AngleSharp.Dom;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Home;

/// <summary>The home page's accountability sections, over a server whose meetings are recent.</summary>
public sealed class HomeBoardTests(RecentSite site) : IClassFixture<RecentSite>
{
    [Fact]
    public async Task Active_teams_are_those_with_the_most_meetings_in_the_last_90_days()
    {
        var page = await site.DocumentAsync("/");
        await using var db = site.Host.Db();
        var keys = await db.Teams.Select(t => t.Key).ToListAsync(TestContext.Current.CancellationToken);

        var rows = Section(page, "active-teams-heading").QuerySelectorAll("tbody tr");
        Assert.Equal(site.Generated.GroupBy(g => g.Team).Select(g => g.Count()).OrderDescending(), rows.Select(r => int.Parse(r.QuerySelector("[data-label=Meetings]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(keys.Select(Links.Team).Order(), rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")).Order());
    }

    [Fact]
    public async Task Open_and_overdue_actions_oldest_first()
    {
        var page = await site.DocumentAsync("/");
        var expected = await site.JsonAsync<ActionsAnswer>("/api/actions?state=active&sort=age&pageSize=10");

        var rows = Section(page, "open-actions-heading").QuerySelectorAll("table.actions tbody tr");
        Assert.Equal(expected.Items.Select(a => a.Text), rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent));
        Assert.Equal(10, rows.Length);
        Assert.Equal(expected.Items.Select(a => a.FirstRaised).Order(), expected.Items.Select(a => a.FirstRaised));
        Assert.Equal(["open", "overdue"], rows.Select(r => r.QuerySelector("[data-label=State]")!.TextContent).Distinct().Order());
        Assert.Equal("actions?state=active&sort=age", Section(page, "open-actions-heading").QuerySelector(".more a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Ideas_waiting_are_the_newest_ideas_nothing_followed()
    {
        var page = await site.DocumentAsync("/");
        var expected = await site.JsonAsync<IdeasAnswer>("/api/ideas?followUp=without&pageSize=10");

        var section = Section(page, "ideas-waiting-heading");
        Assert.NotEmpty(expected.Items);
        Assert.Equal(expected.Items.Select(i => i.Text), section.QuerySelectorAll("ol.ideas > li .idea-text").Select(p => p.TextContent));
        Assert.Empty(section.QuerySelectorAll("details"));
        Assert.Equal($"The newest of {expected.Total} ideas nothing has followed yet.", section.QuerySelector(".note")!.TextContent);
    }

    [Fact]
    public async Task Help_wanted_lists_the_latest_help_items()
    {
        var page = await site.DocumentAsync("/");

        var expected = site.Generated
            .SelectMany(g => g.Meeting.Items.Where(i => i.Kind == ItemKind.Help))
            .OrderByDescending(i => i.Time)
            .Take(10)
            .Select(i => i.Text);
        var items = Section(page, "help-heading").QuerySelectorAll(".help-wanted li");
        Assert.Equal(expected, items.Select(li => li.QuerySelector(".help-text")!.TextContent));
        Assert.All(items, li => Assert.StartsWith("meetings/", li.QuerySelector(".help-meta a:last-child")!.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_keeps_its_other_sections_and_advertises_the_feed_of_all_meetings()
    {
        var page = await site.DocumentAsync("/");

        var feed = Assert.Single(page.Head!.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"));
        Assert.Equal((Links.AllMeetingsFeed, "All meetings"), (feed.GetAttribute("href"), feed.GetAttribute("title")));
        Assert.Equal(10, Section(page, "meetings-heading").QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(page.QuerySelector("#runs-heading"));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    private static IElement Section(IDocument page, string headingId)
        => page.QuerySelector($"section[aria-labelledby='{headingId}']") ?? throw new InvalidOperationException("no section " + headingId);
}
