using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Tests.Harvesting.Http;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>The whole harvester against a real HTTP server on 127.0.0.1 with Apache and nginx listings.</summary>
public sealed class HttpHarvestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static GeneratorOptions Tree => new() { Teams = 3, Weeks = 3, Seed = 17, IncludeUnfinished = false };

    [Theory]
    [InlineData(ListingStyle.Apache)]
    [InlineData(ListingStyle.Nginx)]
    public async Task First_harvest_imports_everything_and_the_second_transfers_no_bodies_and_changes_nothing(ListingStyle style)
    {
        await using var served = await ServedTree.StartAsync(style, dir => ServerGenerator.WriteTo(dir, Tree, Ct));
        var meetings = ServerGenerator.Generate(Tree).Count(m => !m.IsRenameStub);
        await using var host = await HarvestHost.StartAsync(Ct);

        var first = await host.HarvestAsync(served.Options(), Ct);

        Assert.Equal($"meetings: {meetings} new, 0 updated, 0 unchanged, 0 failed", first.MeetingsLine);
        var before = await FolderHarvestTests.Snapshot(host);
        served.Server.Log.Reset();
        host.Clock.Advance(TimeSpan.FromHours(1));

        var second = await host.HarvestAsync(served.Options(), Ct);

        Assert.Equal($"meetings: 0 new, 0 updated, {meetings} unchanged, 0 failed", second.MeetingsLine);
        Assert.Equal(0, served.Server.Log.Bodies);
        Assert.Equal(served.Server.Log.Requests, served.Server.Log.NotModified);
        Assert.Equal(0, second.FilesFetched);
        Assert.Equal(before, await FolderHarvestTests.Snapshot(host));
    }

    [Fact]
    public async Task Files_added_or_changed_on_the_server_are_picked_up_and_only_they_are_transferred()
    {
        var generated = ServerGenerator.Generate(Tree).Where(m => !m.IsRenameStub).ToList();
        var late = generated[^1];
        await using var served = await ServedTree.StartAsync(ListingStyle.Apache, dir => ServerGenerator.WriteTo(dir, Tree, Ct));
        var lateFiles = Directory.GetFiles(Path.Combine(served.Root, late.Directory), late.BaseName + ".*");
        var aside = lateFiles.ToDictionary(f => f, File.ReadAllBytes);
        foreach (var f in lateFiles) File.Delete(f);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(served.Options(), Ct);

        foreach (var (path, bytes) in aside) File.WriteAllBytes(path, bytes);
        var edited = Path.Combine(served.Root, generated[0].RelativePath(MeetbotFormat.LogTxt));
        File.AppendAllText(edited, "");
        var lines = File.ReadAllLines(edited);
        var info = Array.FindIndex(lines, l => l.Contains("> #info ", StringComparison.Ordinal));
        lines[info] += " (edited on the server)";
        File.WriteAllLines(edited, lines);
        served.Server.Log.Reset();

        var summary = await host.HarvestAsync(served.Options(), Ct);

        Assert.Equal(1, summary.New);
        Assert.Equal(1, summary.Updated);
        Assert.Equal(0, summary.Failed);
        var fileBodies = served.Server.Log.Entries.Where(e => e.Status == 200 && !e.Path.EndsWith('/')).Select(e => Path.GetFileName(e.Path)).Order(StringComparer.Ordinal);
        Assert.Equal(lateFiles.Select(Path.GetFileName).Append(Path.GetFileName(edited)).Order(StringComparer.Ordinal), fileBodies);
        await using var db = host.Db();
        Assert.True(await db.Items.AnyAsync(i => i.Text.EndsWith(" (edited on the server)"), Ct));
    }

    [Fact]
    public async Task Server_errors_are_retried_and_a_file_that_keeps_failing_is_recorded_then_fetched_by_the_next_run()
    {
        var generated = ServerGenerator.Generate(Tree).Where(m => !m.IsRenameStub).ToList();
        await using var served = await ServedTree.StartAsync(ListingStyle.Nginx, dir => ServerGenerator.WriteTo(dir, Tree, Ct));
        var flaky = generated[1].RelativePath(MeetbotFormat.LogTxt);
        var broken = generated[2];
        served.Server.Faults.FailNext(flaky, 2, 503);
        served.Server.Faults.FailNext($"{broken.Directory}/{broken.BaseName}.", 1000, 500);
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(served.Options(), Ct);

        Assert.Equal(HarvestStatus.Succeeded, summary.Status);
        Assert.Equal($"meetings: {generated.Count - 1} new, 0 updated, 0 unchanged, 1 failed", summary.MeetingsLine);
        await using (var db = host.Db())
        {
            var outcomes = await db.FileOutcomes.Where(o => o.RunId == summary.RunId).ToListAsync(Ct);
            Assert.Equal(broken.Write().Files.Count, outcomes.Count);
            Assert.All(outcomes, o => Assert.StartsWith($"{broken.Directory}/{broken.BaseName}.", o.Path, StringComparison.Ordinal));
            Assert.All(outcomes, o => Assert.Contains("HTTP 500", o.Reason, StringComparison.Ordinal));
            Assert.All(outcomes, o => Assert.Contains("after 3 attempts", o.Reason, StringComparison.Ordinal));
        }

        served.Server.Faults.Clear();
        var next = await host.HarvestAsync(served.Options(), Ct);
        Assert.Equal($"meetings: 1 new, 0 updated, {generated.Count - 1} unchanged, 0 failed", next.MeetingsLine);
    }

    [Fact]
    public async Task A_server_that_times_out_is_retried_then_recorded()
    {
        var generated = ServerGenerator.Generate(Tree).Where(m => !m.IsRenameStub).ToList();
        await using var served = await ServedTree.StartAsync(ListingStyle.Apache, dir => ServerGenerator.WriteTo(dir, Tree, Ct));
        var slow = generated[0].RelativePath(MeetbotFormat.MinutesHtml);
        served.Server.Faults.DelayNext(slow, TimeSpan.FromSeconds(5), 1000);
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(served.Options(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200)), Ct);

        Assert.Equal(0, summary.Failed); // the meeting is read from its log; the minutes page is recorded
        Assert.Equal(3, served.Server.Log.Entries.Count(e => e.Path.EndsWith(slow, StringComparison.Ordinal)));
        await using var db = host.Db();
        var outcome = Assert.Single(await db.FileOutcomes.ToListAsync(Ct));
        Assert.Equal(slow, outcome.Path);
        Assert.StartsWith("timed out after 3 attempts", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_listed_is_recorded_and_the_others_are_harvested()
    {
        var generated = ServerGenerator.Generate(Tree).Where(m => !m.IsRenameStub).ToList();
        await using var served = await ServedTree.StartAsync(ListingStyle.Apache, dir => ServerGenerator.WriteTo(dir, Tree, Ct));
        var lost = generated[0].Directory + "/";
        served.Server.Faults.FailNext(lost, 1000, 502);
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(served.Options(), Ct);

        Assert.Equal(1, summary.FoldersFailed);
        Assert.Equal(generated.Count(m => m.Directory + "/" != lost), summary.New);
        await using var db = host.Db();
        var outcome = Assert.Single(await db.FileOutcomes.ToListAsync(Ct));
        Assert.Equal(lost, outcome.Path);
        Assert.Contains("HTTP 502", outcome.Reason, StringComparison.Ordinal);
    }
}
