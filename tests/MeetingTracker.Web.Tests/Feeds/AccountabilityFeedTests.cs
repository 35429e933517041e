using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Feeds;

/// <summary>The feeds of one action, one idea, and a team's state changes, over events stored in the site's database.</summary>
public sealed class AccountabilityFeedTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task An_action_feed_has_one_entry_per_event_newest_first_as_soon_as_it_is_said()
    {
        var chain = (await Said.SnapshotAsync(site.Host)).Actions[0];
        var path = $"/feeds/actions/{chain.Id}.atom";
        Assert.Empty((await AtomAsync(path)).Items);

        var (alice, bob, carol) = (await Said.AccountAsync(site.Host, "alice"), await Said.AccountAsync(site.Host, "bob"), await Said.AccountAsync(site.Host, "carol"));
        var help = await Said.ActionAsync(site.Host, chain.Id, alice, EventKind.State, to: "need-help", note: "stuck on the <vault> login", link: "https://example.org/pr/7");
        var take = await Said.ActionAsync(site.Host, chain.Id, bob, EventKind.Take, to: "open", at: help.At.AddMinutes(1));
        var comment = await Said.ActionAsync(site.Host, chain.Id, carol, EventKind.Comment, note: "thanks bob", at: help.At.AddMinutes(2));
        var feed = await AtomAsync(path);

        Assert.Equal(
            [
                ($"http://localhost/actions/{chain.Id}#event-{comment.Id}", "carol commented", "carol"),
                ($"http://localhost/actions/{chain.Id}#event-{take.Id}", "bob took it over", "bob"),
                ($"http://localhost/actions/{chain.Id}#event-{help.Id}", "alice set it need help", "alice"),
            ],
            feed.Items.Select(i => (i.Id, i.Title.Text, i.Authors.Single().Name)));
        Assert.Equal(feed.Items.Select(i => i.Id), feed.Items.Select(i => i.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString()));
        Assert.Equal("stuck on the <vault> login\nhttps://example.org/pr/7", ((TextSyndicationContent)feed.Items.Last().Content).Text);
        Assert.Equal(comment.At.ToUnixTimeSeconds(), feed.LastUpdatedTime.ToUnixTimeSeconds()); // Atom dates keep whole seconds
        Assert.Equal($"http://localhost/feeds/actions/{chain.Id}.atom", feed.Links.Single(l => l.RelationshipType == "self").Uri.ToString());
        Assert.Equal($"http://localhost/actions/{chain.Id}", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
    }

    [Fact]
    public async Task An_idea_feed_has_its_champion_and_its_states()
    {
        var idea = (await Said.SnapshotAsync(site.Host)).Ideas[0].Idea;
        var dana = await Said.AccountAsync(site.Host, "dana");
        var champion = await Said.IdeaAsync(site.Host, idea.ItemId, dana, EventKind.Champion);
        var implemented = await Said.IdeaAsync(site.Host, idea.ItemId, dana, EventKind.State, to: "implemented", note: "shipped in 2.1");

        var feed = await AtomAsync($"/feeds/ideas/{idea.ItemId}.atom");

        Assert.Equal(
            [($"http://localhost/ideas/{idea.ItemId}#event-{implemented.Id}", "dana set it implemented"), ($"http://localhost/ideas/{idea.ItemId}#event-{champion.Id}", "dana took it on as its champion")],
            feed.Items.Select(i => (i.Id, i.Title.Text)));
        Assert.Equal("shipped in 2.1", ((TextSyndicationContent)feed.Items.First().Content).Text);
    }

    [Fact]
    public async Task Unknown_actions_and_ideas_are_not_found()
    {
        var snapshot = await Said.SnapshotAsync(site.Host);
        var notAChain = snapshot.Actions.First(c => c.Latest.ItemId != c.Id).Latest.ItemId;
        foreach (var path in new[] { "/feeds/actions/999999.atom", "/feeds/ideas/999999.atom", $"/feeds/actions/{notAChain}.atom", $"/feeds/ideas/{snapshot.Actions[0].Id}.atom" })
        {
            using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_team_feed_shows_a_state_change_on_the_next_request_among_its_meetings_but_not_comments()
    {
        var snapshot = await Said.SnapshotAsync(site.Host);
        var chain = snapshot.Actions[^1];
        await using var db = site.Host.Db();
        var team = db.Teams.Single(t => t.Id == chain.TeamId).Key;
        var before = await AtomAsync($"/feeds/teams/{team}.atom");

        var erin = await Said.AccountAsync(site.Host, "erin");
        var done = await Said.ActionAsync(site.Host, chain.Id, erin, EventKind.State, to: "done", link: "https://example.org/commit/1");
        var comment = await Said.ActionAsync(site.Host, chain.Id, erin, EventKind.Comment, note: "all good");
        var after = await AtomAsync($"/feeds/teams/{team}.atom");

        var entry = Assert.Single(after.Items, i => i.Id == $"http://localhost/actions/{chain.Id}#event-{done.Id}");
        Assert.Equal($"erin set it done: action {chain.Text}", entry.Title.Text);
        Assert.DoesNotContain(after.Items, i => i.Id.EndsWith($"#event-{comment.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(before.Items, i => i.Id == entry.Id);
        Assert.Equal(before.Items.Count() + 1, after.Items.Count());
        Assert.Contains(after.Items, i => i.Id.StartsWith("http://localhost/meetings/", StringComparison.Ordinal));
        Assert.Equal(after.Items.Select(i => i.LastUpdatedTime).OrderDescending(), after.Items.Select(i => i.LastUpdatedTime));
    }

    private async Task<SyndicationFeed> AtomAsync(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true });
        var formatter = new Atom10FeedFormatter();
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
