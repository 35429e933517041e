using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Meetings;

/// <summary>The meeting page, and the old meetbot URLs that redirect to it (OldUrlTests.cs), over one host.</summary>
public sealed partial class MeetingPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_minutes_show_every_topic_and_every_action_and_idea_in_order()
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);
        var page = await PageAsync(id);

        var topics = page.QuerySelectorAll("section.topic h3").Select(h => GeneratedMeetings.Squeeze(h.ChildNodes.Where(n => n is not IElement { ClassName: "line" }).Select(n => n.TextContent).Aggregate(string.Empty, string.Concat)));
        Assert.Equal(meeting.Meeting.Topics.Select(t => GeneratedMeetings.Squeeze(IrcText.Clean(t.Title))), topics);

        var expected = meeting.Meeting.Items.Where(i => i.Kind is ItemKind.Action or ItemKind.Idea).ToList();
        var shown = page.QuerySelectorAll("li.item.kind-action, li.item.kind-idea").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(i => (i.Kind.ToString(), GeneratedMeetings.Squeeze(IrcText.Clean(i.Text)))), shown.Select(li => (li.QuerySelector(".kind")!.TextContent, ItemText(li))));
        var actions = expected.Select((item, i) => (item, li: shown[i])).Where(x => x.item.Kind == ItemKind.Action && x.item.Owners.Count > 0).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, x => Assert.Equal(x.item.Owners.Count, x.li.QuerySelectorAll(".owners a[href^='people/']").Length));
        Assert.Equal(expected.Select(i => i.Line), shown.Select(li => (int?)int.Parse(li.QuerySelector("a.line")!.GetAttribute("href")!.Split("#l-")[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Each_item_links_to_its_log_line_and_the_line_links_back()
    {
        var (_, id) = await GeneratedMeetings.RichAsync(site);
        var page = await PageAsync(id);

        var items = page.QuerySelectorAll("li.item").ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var href = item.QuerySelector("a.line")!.GetAttribute("href")!;
            Assert.StartsWith($"meetings/{id}#l-", href, StringComparison.Ordinal);
            var row = page.GetElementById(href.Split('#')[1]);
            Assert.NotNull(row);
            Assert.Contains(row.QuerySelectorAll("a.back"), a => a.GetAttribute("href") == $"meetings/{id}#{item.Id}");
        }
    }

    [Fact]
    public async Task Every_log_line_has_its_anchor_a_self_link_and_commands_are_highlighted()
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);
        var page = await PageAsync(id);

        var rows = page.QuerySelectorAll("table.log tbody tr").ToList();
        Assert.Equal(meeting.Meeting.Lines.Select(l => $"l-{l.Number}"), rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal($"meetings/{id}#{r.Id}", r.QuerySelector("a")!.GetAttribute("href")));
        var actions = meeting.Meeting.Lines.Where(l => l.Text.StartsWith("#action ", StringComparison.Ordinal)).Select(l => $"l-{l.Number}").ToList();
        Assert.NotEmpty(actions);
        Assert.Equal(actions, rows.Where(r => r.ClassList.Contains("cmd-action")).Select(r => r.Id));
        Assert.Contains("cmd-startmeeting", rows[0].ClassList);
    }

    [Fact]
    public async Task Previous_and_next_are_the_team_s_meetings_around_it()
    {
        await using var db = site.Host.Db();
        var ct = TestContext.Current.CancellationToken;
        var team = await db.Meetings.OrderBy(m => m.Id).Select(m => m.TeamId).FirstAsync(ct);
        var ids = await db.Meetings.Where(m => m.TeamId == team).OrderBy(m => m.StartedAt).Select(m => m.Id).ToListAsync(ct);
        Assert.True(ids.Count >= 3);

        var middle = await PageAsync(ids[1]);
        var first = await PageAsync(ids[0]);
        var last = await PageAsync(ids[^1]);

        Assert.Equal($"meetings/{ids[0]}", middle.QuerySelector("nav.neighbours a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"meetings/{ids[2]}", middle.QuerySelector("nav.neighbours a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("nav.neighbours a[rel=prev]"));
        Assert.Null(last.QuerySelector("nav.neighbours a[rel=next]"));
    }

    [Fact]
    public async Task The_page_names_its_local_files_and_advertises_the_team_feed()
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);
        var page = await PageAsync(id);

        string[] kinds = [".html", ".txt", ".log.html", ".log.txt"];
        Assert.Equal(kinds.Select(k => $"{meeting.Directory}/{meeting.BaseName}{k}"), page.QuerySelectorAll("ul.files code").Select(c => c.TextContent));
        var feed = page.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']");
        Assert.NotNull(feed);
        Assert.Matches(@"^feeds/teams/[^/]+\.atom$", feed.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task An_unknown_meeting_is_not_found()
    {
        using var response = await site.Client.GetAsync(new Uri("/meetings/987654", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<IDocument> PageAsync(int id) => site.DocumentAsync($"/meetings/{id}");

    // The item's own text: without its kind label, owners and line link.
    private static string ItemText(IElement item)
        => GeneratedMeetings.Squeeze(string.Concat(item.ChildNodes
            .Where(n => n is not IElement e || !(e.ClassList.Contains("kind") || e.ClassList.Contains("owners") || e.ClassList.Contains("line")))
            .Select(n => n.TextContent)));
}
