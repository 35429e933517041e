namespace MeetingTracker.E2E;

/// <summary>At a phone's width (390 × 844 CSS pixels) the pages fit: the body never scrolls sideways.</summary>
public sealed class PhoneWidthTests(SiteServer server, Chromium chromium)
{
    // Elements reaching past the viewport's right edge, to say what overflows when the body does.
    private const string Overflow = """
        () => {
            const width = document.documentElement.clientWidth;
            const scroll = Math.max(document.body.scrollWidth, document.documentElement.scrollWidth);
            if (scroll <= width) return null;
            const wide = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 8)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
            return `body scrolls to ${scroll}px in ${width}px: ${wide.join(', ')}`;
        }
        """;

    [Theory]
    [InlineData("home")]
    [InlineData("meeting")]
    [InlineData("search")]
    public async Task The_page_fits_a_phone(string kind)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress, width: 390, height: 844);

        await page.GoAsync(await Journey.PathAsync(server, kind));

        var overflow = await page.EvaluateAsync<string?>(Overflow);
        await page.ScreenshotAsync("phone-" + kind);
        Assert.Null(overflow);
    }
}
