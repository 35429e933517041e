using System.Net;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Actions;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Ideas;

/// <summary>/ideas and GET /api/ideas over the generated server.</summary>
public sealed class IdeasPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] FollowerKinds = ["agreed", "accepted", "rejected", "action", "info"];

    [Fact]
    public async Task Every_generated_idea_is_listed_newest_first_with_its_team_and_who_raised_it()
    {
        var meetings = await GeneratedActions.MeetingsByIdAsync(site);
        var ideas = await AllIdeasAsync("/api/ideas");

        var expected = site.Generated.SelectMany(g => g.Meeting.Items.Where(i => i.Kind == ItemKind.Idea).Select(i => (g.Team, i.Text, i.Nick)));
        Assert.Equal(expected.Order(), ideas.Select(i => (meetings[i.MeetingId].Team, i.Text, i.Nick)).Order());
        Assert.Equal(ideas.Select(i => i.Time).OrderDescending(), ideas.Select(i => i.Time));
        Assert.Contains(ideas, i => i.Person is not null);
    }

    [Fact]
    public async Task What_followed_is_later_items_of_the_same_team_within_the_window()
    {
        var meetings = await GeneratedActions.MeetingsByIdAsync(site);
        var ideas = await AllIdeasAsync("/api/ideas");

        Assert.Contains(ideas, i => i.FollowedBy.Count > 0);
        Assert.Contains(ideas, i => i.FollowedBy.Count == 0);
        foreach (var idea in ideas)
        {
            Assert.All(idea.FollowedBy, f =>
            {
                Assert.Equal(meetings[idea.MeetingId].Team, meetings[f.MeetingId].Team);
                Assert.InRange(f.Time, idea.Time.AddSeconds(1), idea.Time.AddDays(90));
                Assert.Contains(f.Kind, FollowerKinds);
                var said = meetings[f.MeetingId].Meeting.Items.Where(i => i.Text == f.Text).Select(i => i.Kind.ToString().ToLowerInvariant());
                Assert.Contains(f.Kind, said);
            });
        }
    }

    [Fact]
    public async Task Filters_by_team_and_follow_up()
    {
        var all = await AllIdeasAsync("/api/ideas");
        var team = all[0].Team.Key;
        var with = await AllIdeasAsync("/api/ideas?followUp=with");
        var without = await AllIdeasAsync("/api/ideas?followUp=without");

        Assert.Equal(all.Where(i => i.Team.Key == team).Select(i => i.Id), (await AllIdeasAsync($"/api/ideas?team={team}")).Select(i => i.Id));
        Assert.Equal(all.Where(i => i.FollowedBy.Count > 0).Select(i => i.Id), with.Select(i => i.Id));
        Assert.Equal(all.Where(i => i.FollowedBy.Count == 0).Select(i => i.Id), without.Select(i => i.Id));

        var page = await site.DocumentAsync($"/ideas?team={team}&followUp=with");
        var shown = all.Where(i => i.Team.Key == team && i.FollowedBy.Count > 0).ToList();
        Assert.Equal(shown.Count == 1 ? "1 idea" : $"{shown.Count} ideas", page.QuerySelector("#ideas-heading")!.TextContent);
        Assert.All(page.QuerySelectorAll("ol.ideas > li .idea-meta a[href^='teams/']"), a => Assert.Equal(Links.Team(team), a.GetAttribute("href")));
        Assert.Equal("with", page.QuerySelector("#ideas-follow-up option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_page_links_each_idea_its_team_its_author_and_what_followed()
    {
        var page = await site.DocumentAsync("/ideas?followUp=with");
        var first = (await site.JsonAsync<IdeasAnswer>("/api/ideas?followUp=with&pageSize=25")).Items;

        Assert.Equal("Ideas · MeetingTracker", page.Title);
        var items = page.QuerySelectorAll("ol.ideas > li");
        Assert.Equal(first.Select(i => i.Text), items.Select(li => li.QuerySelector(".idea-text")!.TextContent));
        for (var n = 0; n < items.Length; n++)
        {
            var (li, idea) = (items[n], first[n]);
            var links = li.QuerySelectorAll(".idea-meta a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(Links.Item(idea.MeetingId, int.Parse(idea.Url.Fragment["#item-".Length..], System.Globalization.CultureInfo.InvariantCulture)), links[0]);
            Assert.Equal(Links.Team(idea.Team.Key), links[1]);
            if (idea.Person is { } person) Assert.Equal(Links.Person(person), links[2]);
            Assert.Equal($"What followed: {idea.FollowedBy.Count} {(idea.FollowedBy.Count == 1 ? "item" : "items")}", li.QuerySelector("details summary")!.TextContent);
            Assert.Equal(idea.FollowedBy.Select(f => f.Url.PathAndQuery.TrimStart('/') + f.Url.Fragment), li.QuerySelectorAll(".follow-ups li > a:not([href^='http'])").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task Paging_and_what_cannot_be_answered()
    {
        var all = await AllIdeasAsync("/api/ideas");
        var api = await site.JsonAsync<IdeasAnswer>("/api/ideas?pageSize=3&page=2");
        var (status, body) = await site.GetAsync("/api/ideas?followUp=maybe");
        var unknown = await site.DocumentAsync("/ideas?team=no-such-team");

        Assert.Equal(all.Skip(3).Take(3).Select(i => i.Id), api.Items.Select(i => i.Id));
        Assert.Equal((2, 3, all.Count, (all.Count + 2) / 3), (api.Page, api.PageSize, api.Total, api.Pages));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Unknown followUp 'maybe'", body, StringComparison.Ordinal);
        Assert.Equal("No team is called 'no-such-team'.", unknown.QuerySelector("main .error")!.TextContent);
        var first = await site.DocumentAsync("/ideas");
        Assert.Equal(Math.Min(25, all.Count), first.QuerySelectorAll("ol.ideas > li").Length);
        Assert.Equal(all.Count > 25, first.QuerySelector("nav.pager a[rel=next]") is not null);
    }

    private Task<List<IdeaAnswer>> AllIdeasAsync(string path) => site.AllAsync<IdeasAnswer, IdeaAnswer>(path, a => (a.Items, a.Pages));
}
