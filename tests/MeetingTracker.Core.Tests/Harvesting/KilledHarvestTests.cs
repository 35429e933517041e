using System.Diagnostics;
using MeetingTracker.Cli;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>A real <c>meetingtracker import</c> process killed mid-run, then a new run over the same database.</summary>
public sealed class KilledHarvestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_harvest_killed_mid_run_and_restarted_ends_with_every_meeting_exactly_once(bool overHttp)
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 6, Weeks = 30, Seed = 21 });
        await using var server = overHttp ? await MeetbotHttpServer.StartAsync(tree.Root, ListingStyle.Apache, Ct) : null;
        var source = new SourceOptions { Name = "test", Location = server?.BaseUri.ToString() ?? tree.Root, RequestsPerSecond = 0 };
        await using var host = await HarvestHost.StartAsync(Ct);
        using var child = Cli.CliRunner.Start(null, "import", source.Location, "--data", host.DataDir, "--name", "test", "--rps", "0");

        var partial = 0;
        var seen = new List<int>();
        while (partial < 10 && !child.HasExited)
        {
            await Task.Delay(20, Ct);
            await using var db = host.Db();
            partial = await db.Meetings.CountAsync(Ct);
            seen.Add(partial);
        }

        if (child.HasExited)
        {
            Assert.Fail("the import ended before it could be killed: " + await child.StandardError.ReadToEndAsync(Ct));
        }

        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(Ct);
        await using (var db = host.Db())
        {
            partial = await db.Meetings.CountAsync(Ct);
            Assert.True(partial >= 10 && partial < tree.Summary.Meetings, $"{partial} meetings after the kill; seen while polling: {string.Join(' ', seen)}");
            await HarvestFailureTests.AssertEveryMeetingWhole(db);
        }

        var next = await host.HarvestAsync(source, Ct);

        Assert.Equal(HarvestStatus.Succeeded, next.Status);
        Assert.Equal(tree.Summary.Meetings - partial, next.New);
        await using (var db = host.Db())
        {
            Assert.Equal(tree.Summary.Meetings, await db.Meetings.CountAsync(Ct));
            Assert.Equal(tree.Summary.Meetings, await db.Meetings.Select(m => m.MeetingKey).Distinct().CountAsync(Ct));
            await HarvestFailureTests.AssertEveryMeetingWhole(db);
            var killed = await db.Runs.OrderBy(r => r.Id).FirstAsync(Ct);
            Assert.Equal(HarvestStatus.Interrupted, killed.Status);
        }
    }

    [Fact]
    public async Task An_import_sent_SIGTERM_stops_within_10_s_says_it_was_interrupted_and_the_next_run_finishes()
    {
        // A folder large enough that the run lasts seconds; the signal comes once the run is under way.
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 12, Weeks = 80, Seed = 22 });
        var source = new SourceOptions { Name = "test", Location = tree.Root, RequestsPerSecond = 0 };
        await using var host = await HarvestHost.StartAsync(Ct);
        using var child = Cli.CliRunner.Start(null, "import", source.Location, "--data", host.DataDir, "--name", "test", "--rps", "0");
        var output = child.StandardOutput.ReadToEndAsync(Ct);
        var errors = child.StandardError.ReadToEndAsync(Ct);

        var running = false;
        while (!running && !child.HasExited)
        {
            await Task.Delay(20, Ct);
            await using var db = host.Db();
            running = await db.Runs.AnyAsync(r => r.Status == HarvestStatus.Running, Ct);
        }

        int partial;

        if (child.HasExited) Assert.Fail("the import ended before it could be stopped: " + await errors);
        using (var term = Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(Ct);
        }

        var stopping = Stopwatch.StartNew();
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            await child.WaitForExitAsync(limit.Token);
        }

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the import took {stopping.Elapsed} to stop");
        await using (var db = host.Db())
        {
            var run = await db.Runs.SingleAsync(Ct);
            Assert.True((HarvestStatus.Interrupted, Harvester.InterruptedReason) == (run.Status, run.Error), $"{run.Status}: {run.Error}; stdout: {await output}; stderr: {await errors}");
            partial = await db.Meetings.CountAsync(Ct);
            await HarvestFailureTests.AssertEveryMeetingWhole(db);
        }

        var next = await host.HarvestAsync(source, Ct);

        Assert.Equal((HarvestStatus.Succeeded, tree.Summary.Meetings - partial), (next.Status, next.New));
    }

}
