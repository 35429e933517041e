extern alias loggen;

using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Tests.Home;

public sealed partial class HomePageTests
{
    [Fact]
    public async Task First_start_harvests_the_source_and_the_home_page_shows_its_meetings()
    {
        await using var host = new TrackerHost();
        using var client = host.CreateClient();

        var run = await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, TestContext.Current.CancellationToken);
        var page = await GetHomeAsync(client);

        var generated = ServerGenerator.Generate(host.Logs).Where(m => !m.IsRenameStub).ToList();
        var latest = generated.OrderByDescending(m => m.Meeting.StartedAt).Take(10).Select(m => m.BaseName);
        Assert.Equal(generated.Count, run.MeetingsNew);
        Assert.Contains($"<dt>Meetings</dt><dd>{generated.Count}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Harvest runs</dt><dd>1</dd>", page, StringComparison.Ordinal);
        Assert.Equal(latest, MeetingKey().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Contains($"meetings: {generated.Count} new, 0 updated, 0 unchanged, 0 failed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_another_harvest_holds_the_source_the_page_says_the_first_harvest_is_running()
    {
        await using var host = new TrackerHost();
        using var lease = SourceLocks.For(host.DataDir, TestDatabase.For(host.DataDir)).Acquire(TrackerHost.SourceName);
        using var client = host.CreateClient();

        var page = await GetHomeAsync(client);

        Assert.Contains("No meetings yet: the first harvest is running.", page, StringComparison.Ordinal);
        Assert.Contains("No harvest has run yet.", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Meetings</dt><dd>0</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_with_no_meetings_says_so_after_its_harvest()
    {
        await using var host = new TrackerHost(new GeneratorOptions { Teams = 0, Weeks = 0 });
        using var client = host.CreateClient();

        await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, TestContext.Current.CancellationToken);
        var page = await GetHomeAsync(client);

        Assert.Contains("No meetings yet: the last harvest found none that the source&#x27;s filters allow.", page, StringComparison.Ordinal);
        Assert.Contains("meetings: 0 new, 0 updated, 0 unchanged, 0 failed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_files_are_listed_with_their_reasons()
    {
        await using var host = new TrackerHost(new GeneratorOptions { Teams = 1, Weeks = 1, IncludeUnfinished = false });
        host.With("MeetingTracker:Sources:0:MaxFileBytes", "100");
        using var client = host.CreateClient();

        var run = await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, TestContext.Current.CancellationToken);
        var page = await GetHomeAsync(client);

        var outcome = Assert.IsType<HarvestFileOutcome>(run.Outcomes.OrderBy(o => o.Path, StringComparer.Ordinal).First());
        Assert.Contains("over the limit of 100", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains($"failed {(run.Outcomes.Count == 1 ? "file" : "files")}</summary>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><code>{outcome.Path}</code>: {outcome.Reason}</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_from_the_logs_is_encoded()
    {
        await using var host = new TrackerHost(new GeneratorOptions { Teams = 1, Weeks = 1, IncludeUnfinished = false });
        var log = Directory.GetFiles(host.LogsDir, "*.log.txt", SearchOption.AllDirectories).Single();
        var lines = File.ReadAllLines(log);
        var start = Array.FindIndex(lines, l => l.Contains("#startmeeting", StringComparison.Ordinal));
        lines[start] = lines[start][..(lines[start].IndexOf("#startmeeting", StringComparison.Ordinal) + "#startmeeting".Length)] + " <script>alert(1)</script>";
        File.WriteAllLines(log, lines);
        using var client = host.CreateClient();

        await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, TestContext.Current.CancellationToken);
        var page = await GetHomeAsync(client);

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    private static async Task<string> GetHomeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("""<th scope="row" class="key"[^>]*>([^<]+)</th>""")]
    private static partial Regex MeetingKey();
}
