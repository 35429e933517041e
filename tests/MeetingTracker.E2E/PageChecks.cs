using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MeetingTracker.E2E;

/// <summary>What every page visited gets: a screenshot kept as test output, and axe-core with no serious or critical violation.</summary>
public static class PageChecks
{
    /// <summary>
    /// The screenshots folder in the test project's output (the README takes some of them), and a copy under the
    /// run's results directory when the test platform was given one (<c>dotnet test --results-directory</c>).
    /// </summary>
    public static IReadOnlyList<string> ScreenshotDirs { get; } = Dirs();

    public static async Task ScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage });
        foreach (var dir in ScreenshotDirs)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, name + ".png"), png, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Runs axe-core on the page; fails listing every serious or critical violation with its elements. axe-core is
    /// script run in the page: on a page whose context has JavaScript off, Playwright's evaluate never returns, hence
    /// the time limit (a failure rather than a hung run).
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe().WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.NotEmpty(result.Passes);
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var minor in result.Violations.Except(bad))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe on {name}, not failing: {Describe(minor)}");
        }

        Assert.True(bad.Count == 0, $"axe on {name} ({page.Url}):\n{string.Join("\n", bad.Select(Describe))}");
    }

    private static List<string> Dirs()
    {
        var dirs = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots") };
        var args = Environment.GetCommandLineArgs();
        var at = Array.IndexOf(args, "--results-directory");
        if (at >= 0 && at + 1 < args.Length)
        {
            dirs.Add(Path.Combine(Path.GetFullPath(args[at + 1]), "screenshots"));
        }

        return dirs;
    }

    private static string Describe(AxeResultItem violation)
        => $"{violation.Impact} {violation.Id}: {violation.Help} ({violation.HelpUrl})\n"
            + string.Join("\n", violation.Nodes.Select(n => $"    {n.Target}: {n.Html}\n      {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"));
}
