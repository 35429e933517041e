using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingTracker.E2E;

/// <summary>
/// The sample logs' pasted <c>&lt;script&gt;</c> and <c>&lt;img onerror&gt;</c> show as text wherever the site shows
/// that line: visible, never an element, never run.
/// </summary>
public sealed class MarkupTests(SiteServer server, Chromium chromium)
{
    [Fact]
    public async Task The_meeting_shows_the_pasted_markup_as_text()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        var dialogs = Watch(page);

        await page.GoAsync(Web.Components.Common.Links.Meeting(await Journey.MarkupMeetingAsync(server)));

        await AssertShownAsTextAsync(page, dialogs);
        await page.ScreenshotAsync("xss-meeting");
    }

    [Fact]
    public async Task Search_results_show_the_pasted_markup_as_text()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        var dialogs = Watch(page);

        await page.GoAsync(Web.Components.Common.Links.Search("alert"));

        await AssertShownAsTextAsync(page, dialogs);
    }

    private static async Task AssertShownAsTextAsync(IPage page, List<string> dialogs)
    {
        await Expect(page.GetByText(Journey.ScriptPayload).First).ToBeVisibleAsync();
        await Expect(page.GetByText(Journey.ImagePayload).First).ToBeVisibleAsync();
        await Expect(page.Locator("img[onerror], [onerror]")).ToHaveCountAsync(0);
        await Expect(page.Locator("script", new() { HasText = "alert" })).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(dialogs);
    }

    private static List<string> Watch(IPage page)
    {
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return dialogs;
    }
}
