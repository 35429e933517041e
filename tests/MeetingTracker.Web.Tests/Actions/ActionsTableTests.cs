using MeetingTracker.Core.Accountability.Events;
using Bunit;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Ideas;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>The actions table and the ideas list on their own: links, encoding, the cases with nothing to link.</summary>
public sealed class ActionsTableTests : IDisposable
{
    private static readonly DateTimeOffset First = new(2026, 3, 2, 16, 1, 0, TimeSpan.Zero);

    private readonly BunitContext context = new();

    [Fact]
    public void A_row_links_its_items_owners_and_team_and_encodes_the_text()
    {
        var row = new ActionRow(
            7, "<img src=x onerror=alert(1)> bob to fix https://example.org/x", [new OwnerLink("bob", "bob_")], new TeamLink("infra", "Infra"),
            12, 3, First.AddDays(14), 10, 5, First, 23, 2, "overdue");

        var table = context.Render<ActionsTable>(p => p.Add(x => x.Rows, [row]).Add(x => x.Caption, "Actions"));

        var action = table.Find("tbody th[scope=row]");
        Assert.Equal(row.Text, action.TextContent);
        Assert.Empty(table.FindAll("tbody img"));
        Assert.Equal("https://example.org/x", action.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Links.Person("bob"), table.Find("[data-label=Assignees] a").GetAttribute("href"));
        Assert.Equal("bob_", table.Find("[data-label=Assignees] a").TextContent);
        Assert.Equal(Links.Team("infra"), table.Find("[data-label=Team] a").GetAttribute("href"));
        Assert.Equal(Links.Item(12, 3), table.Find("[data-label='Last seen'] a").GetAttribute("href"));
        Assert.Equal(Links.Item(10, 5), table.Find("[data-label='First raised'] a").GetAttribute("href"));
        Assert.Equal(("23 days", "2"), (table.Find("[data-label=Age]").TextContent, table.Find("[data-label='Carried over']").TextContent));
        Assert.Equal("state state-overdue", table.Find("[data-label=State] span").GetAttribute("class"));
        Assert.Equal(Links.Action(7), table.Find("[data-label=State] a").GetAttribute("href"));
    }

    [Fact]
    public void An_action_without_owners_says_nobody_is_named()
    {
        var row = new ActionRow(8, "someone to check the DNS", [], new TeamLink("infra", "Infra"), 12, 4, First, 12, 4, First, 1, 0, "open");

        var table = context.Render<ActionsTable>(p => p.Add(x => x.Rows, [row]).Add(x => x.Caption, "Actions"));

        Assert.Equal("nobody named", table.Find("[data-label=Assignees]").TextContent.Trim());
        Assert.Equal("1 day", table.Find("[data-label=Age]").TextContent);
    }

    [Fact]
    public void An_idea_links_its_item_team_and_author_and_lists_what_followed()
    {
        var followed = new FollowUpRow(14, 2, "agreed", First.AddDays(7), "the build farm gets a <b>nightly</b> job");
        IdeaRow[] ideas =
        [
            new(1, "automate the build farm", "carol", "carol", new TeamLink("infra", "Infra"), 12, 6, First, [followed]),
            new(2, "hold a test day", "zodbot", null, new TeamLink("qa", "QA"), 13, 1, First, []),
        ];

        var list = context.Render<IdeasList>(p => p.Add(x => x.Rows, ideas).Add(x => x.Start, 26));

        Assert.Equal("26", list.Find("ol.ideas").GetAttribute("start"));
        var items = list.FindAll("ol.ideas > li");
        Assert.Equal([Links.Item(12, 6), Links.Team("infra"), Links.Person("carol")], items[0].QuerySelectorAll(".idea-meta a").Select(a => a.GetAttribute("href")));
        Assert.Equal(Links.Item(14, 2), items[0].QuerySelector(".follow-ups a")!.GetAttribute("href"));
        Assert.Empty(list.FindAll(".follow-ups b"));
        Assert.Equal("zodbot", items[1].QuerySelector(".idea-meta span")!.TextContent);
        Assert.Equal(2, items[1].QuerySelectorAll(".idea-meta a").Length);
        Assert.Equal("Nothing has followed yet.", items[1].QuerySelector(".no-follow-up")!.TextContent);
    }

    public void Dispose() => context.Dispose();
}
