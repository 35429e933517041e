using Microsoft.Playwright;

namespace MeetingTracker.E2E;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, installed by tools/test.sh) driven by Playwright; Playwright's own
/// browser downloads are never used.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: tools/test.sh installs it (apt-get install -y chromium)");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh page (its own context, so its own cookies) on <paramref name="site"/>; phones pass their viewport, pages
    /// that must work without script turn it off, and a page may start with another's cookies
    /// (<see cref="IBrowserContext.StorageStateAsync"/>).
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri site, int width = 1280, int height = 900, bool javaScript = true, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            StorageState = storageState,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
