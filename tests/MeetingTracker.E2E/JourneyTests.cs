using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingTracker.E2E;

/// <summary>A person's way through the site with the mouse and the keyboard, a screenshot of each page on the way.</summary>
public sealed partial class JourneyTests(SiteServer server, Chromium chromium)
{
    [Fact]
    public async Task Home_then_a_team_a_meeting_a_log_line_a_person_and_a_search()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);

        await page.GoAsync("");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("MeetingTracker");
        await Expect(page.Locator("main h2").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("1-home");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/teams$"));
        await page.FollowAsync("teams/");
        await Expect(page.Locator("main a[href^='meetings/']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("2-team");

        await page.FollowAsync("meetings/");
        var lineLinks = page.Locator("main a[href*='#l-']");
        await Expect(lineLinks.First).ToBeVisibleAsync();
        await page.ScreenshotAsync("3-meeting");

        // A log line well down the page: the link moves there and the browser targets the line.
        var line = lineLinks.Nth(Math.Min(20, await lineLinks.CountAsync() - 1));
        var anchor = (await line.GetAttributeAsync("href"))!.Split('#')[1];
        await line.ClickAsync();
        await page.WaitForURLAsync(new Regex("#" + anchor + "$"));
        var target = page.Locator(":target");
        await Expect(target).ToHaveAttributeAsync("id", anchor);
        await Expect(target).ToBeInViewportAsync();
        await page.ScreenshotAsync("4-log-line", fullPage: false);

        await page.FollowAsync("people/");
        await page.ScreenshotAsync("5-person");

        var box = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Searchbox);
        await box.FillAsync("mirror");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/search\?q=mirror$"));
        await Expect(page.Locator("#results-heading")).ToHaveTextAsync(HitsInMeetings());
        await Expect(page.Locator("li.meeting mark").First).ToHaveTextAsync(new Regex("^mirror$", RegexOptions.IgnoreCase));
        await page.ScreenshotAsync("6-search");
    }

    [Theory]
    [InlineData("home")]
    [InlineData("team")]
    [InlineData("meeting")]
    [InlineData("person")]
    [InlineData("search")]
    [InlineData("search-help")]
    [InlineData("help")]
    [InlineData("idea")]
    [InlineData("topics")]
    [InlineData("agenda")]
    [InlineData("projects")]
    [InlineData("project")]
    public async Task The_page_has_no_serious_or_critical_accessibility_violation(string kind)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);

        await page.GoAsync(await Journey.PathAsync(server, kind));

        await page.AssertAccessibleAsync(kind);
    }

    [GeneratedRegex(@"^\d+ hits? in \d+ meetings?$")]
    private static partial Regex HitsInMeetings();
}
