using System.Text.RegularExpressions;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace MeetingTracker.E2E;

/// <summary>The pages the tests visit, found in the harvested sample logs (not guessed from file names).</summary>
public static class Journey
{
    /// <summary>A line of the first team's first meeting pastes this (tools/MeetingTracker.LogGen's markup line).</summary>
    public const string ScriptPayload = "<script>alert(1)</script>";

    public const string ImagePayload = "<img src=x onerror=alert(1)>";

    /// <summary>The meeting whose log carries the pasted markup.</summary>
    public static async Task<int> MarkupMeetingAsync(SiteServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using var db = server.Db();
        return await db.Lines.Where(l => l.Text.Contains(ScriptPayload)).Select(l => l.MeetingId).FirstAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Relative paths of one page of each kind the journey passes through.</summary>
    public static async Task<string> PathAsync(SiteServer server, string kind)
    {
        ArgumentNullException.ThrowIfNull(server);
        var ct = TestContext.Current.CancellationToken;
        await using var db = server.Db();
        return kind switch
        {
            "home" => Links.Home,
            "team" => Links.Team(await db.Teams.OrderBy(t => t.Key).Select(t => t.Key).FirstAsync(ct)),
            "meeting" => Links.Meeting(await MarkupMeetingAsync(server)),
            "person" => Links.Person(await db.People.OrderBy(p => p.Name).Select(p => p.Name).FirstAsync(ct)),
            "search" => Links.Search("mirror"),
            "search-help" => "search",
            "help" => Links.Help,
            "idea" => Links.Idea(await db.Items.Where(i => i.Kind == Core.Meetbot.ItemKind.Idea && i.RemovedAt == null).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(ct)),
            "topics" => Links.TeamTopics(await db.Teams.OrderBy(t => t.Key).Select(t => t.Key).FirstAsync(ct)),
            "agenda" => Links.TeamAgenda(await db.Teams.OrderBy(t => t.Key).Select(t => t.Key).FirstAsync(ct)),
            "projects" => Links.Projects,
            "project" => Links.Project(await db.Mentions.GroupBy(m => m.ProjectKey).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such page in the journey"),
        };
    }

    /// <summary>Opens <paramref name="path"/> and waits for its heading.</summary>
    public static async Task GoAsync(this IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"GET {path}: {response?.Status}");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
    }

    /// <summary>Clicks the first link in the main content whose address starts with <paramref name="prefix"/>.</summary>
    public static async Task FollowAsync(this IPage page, string prefix)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator($"main a[href^='{prefix}']").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/" + Regex.Escape(prefix)));
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
    }
}
