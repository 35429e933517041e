using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.LogGen.Generation;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>Bad input and interruptions lose nothing: failures are recorded with reasons, meetings are whole or absent.</summary>
public sealed class HarvestFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unreadable_meeting_is_recorded_with_its_reason_and_the_run_goes_on()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 3, Seed = 4, IncludeUnfinished = false });
        var broken = Path.Combine(tree.Root, "fedora-meeting", "2026-02-01", "broken.2026-02-01-10.00.log.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllBytes(broken, []);
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct);

        Assert.Equal(HarvestStatus.Succeeded, summary.Status);
        Assert.Equal($"meetings: {tree.Summary.Meetings} new, 0 updated, 0 unchanged, 1 failed", summary.MeetingsLine);
        await using var db = host.Db();
        var outcome = Assert.Single(await db.FileOutcomes.Where(o => o.RunId == summary.RunId).ToListAsync(Ct));
        Assert.Equal("fedora-meeting/2026-02-01/broken.2026-02-01-10.00.log.txt", outcome.Path);
        Assert.Equal("file is empty", outcome.Reason);
        Assert.False(await db.Meetings.AnyAsync(m => m.MeetingKey == "broken.2026-02-01-10.00", Ct));
        var kept = await db.Files.SingleAsync(f => f.Path == outcome.Path, Ct);
        Assert.Equal("file is empty", kept.Error);

        // Recorded once: the next run does not fail it again until the file or the parser changes.
        var again = await host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct);
        Assert.Equal(0, again.Failed);
    }

    [Fact]
    public async Task A_meeting_whose_log_is_unreadable_is_read_from_its_minutes_and_the_log_is_reported()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 8, IncludeUnfinished = false });
        var meeting = tree.Meetings[0];
        File.WriteAllBytes(tree.PathOf(meeting.RelativePath(MeetbotFormat.LogTxt)), []);
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct);

        Assert.Equal(0, summary.Failed);
        await using var db = host.Db();
        var key = MeetingFileName.TryParse(meeting.RelativePath(MeetbotFormat.LogTxt))!.MeetingKey;
        var stored = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.MeetingKey == key, Ct);
        Assert.Equal("log-html", stored.ReadFrom);
        Assert.Equal(meeting.Meeting.Items.Count, stored.Items.Count);
        Assert.Contains("file is empty", stored.Warnings, StringComparison.Ordinal);
        Assert.Contains(await db.FileOutcomes.Select(o => o.Path).ToListAsync(Ct), p => p.EndsWith(".log.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_run_leaves_whole_meetings_and_the_next_run_finishes_without_duplicates()
    {
        // Enough meetings that a few batches of the writer (HarvestPipeline.MaxBatch) are still to come when it stops.
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 3, Weeks = 16, Seed = 9 });
        await using var host = await HarvestHost.StartAsync(Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new SyncProgress(p => { if (p.Done >= 5) stop.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Harvester().HarvestAsync(FolderHarvestTests.Folder(tree.Root), progress, stop.Token));

        int partial;
        await using (var db = host.Db())
        {
            partial = await db.Meetings.CountAsync(Ct);
            Assert.InRange(partial, 5, tree.Summary.Meetings - 1);
            var run = await db.Runs.SingleAsync(Ct);
            Assert.Equal((HarvestStatus.Interrupted, Harvester.InterruptedReason), (run.Status, run.Error));
            await AssertEveryMeetingWhole(db);
        }

        var next = await host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct);

        Assert.Equal(tree.Summary.Meetings - partial, next.New);
        Assert.Equal(partial, next.Unchanged);
        await using (var db = host.Db())
        {
            Assert.Equal(tree.Summary.Meetings, await db.Meetings.CountAsync(Ct));
            await AssertEveryMeetingWhole(db);
        }
    }

    [Fact]
    public async Task Two_harvests_of_one_source_never_run_at_once()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 1, Seed = 1 });
        await using var host = await HarvestHost.StartAsync(Ct);
        using (host.Get<SourceLocks>().Acquire("test"))
        {
            var busy = await Assert.ThrowsAsync<HarvestBusyException>(() => host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct));
            Assert.Contains("'test'", busy.Message, StringComparison.Ordinal);
        }

        Assert.Equal(HarvestStatus.Succeeded, (await host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct)).Status);
    }

    [Fact]
    public async Task Two_sources_harvested_at_once_share_people_and_teams_without_losing_a_meeting()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 2, Weeks = 6, Seed = 31 });
        await using var host = await HarvestHost.StartAsync(Ct);
        var a = new SourceOptions { Name = "a", Location = tree.Root };
        var b = new SourceOptions { Name = "b", Location = tree.Root };

        var results = await Task.WhenAll(host.HarvestAsync(a, Ct), host.HarvestAsync(b, Ct));

        Assert.All(results, r => Assert.Equal($"meetings: {tree.Summary.Meetings} new, 0 updated, 0 unchanged, 0 failed", r.MeetingsLine));
        await using var db = host.Db();
        Assert.Equal(2 * tree.Summary.Meetings, await db.Meetings.CountAsync(Ct));
        Assert.Equal(2, await db.Teams.CountAsync(Ct));
        var nicks = await db.PersonAliases.Select(x => x.Nick).ToListAsync(Ct);
        Assert.Equal(nicks.Count, nicks.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task A_missing_folder_fails_the_run_with_its_reason()
    {
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(FolderHarvestTests.Folder(Path.Combine(host.DataDir, "nowhere")), Ct);

        Assert.Equal(HarvestStatus.Failed, summary.Status);
        Assert.StartsWith("folder not found: ", summary.Error, StringComparison.Ordinal);
        await using var db = host.Db();
        Assert.Equal(summary.Error, (await db.Runs.SingleAsync(Ct)).Error);
    }

    /// <summary>Each stored meeting has all its log lines and items, as a whole transaction leaves it.</summary>
    internal static async Task AssertEveryMeetingWhole(Core.Storage.TrackerDb db)
    {
        var meetings = await db.Meetings.Select(m => new { m.LineCount, Lines = db.Lines.Count(l => l.MeetingId == m.Id), Files = db.Files.Count(f => f.MeetingId == m.Id) }).ToListAsync(Ct);
        Assert.All(meetings, m => Assert.Equal(m.LineCount, m.Lines));
        Assert.All(meetings, m => Assert.True(m.Files > 0));
    }

    private sealed class SyncProgress(Action<HarvestProgress> report) : IProgress<HarvestProgress>
    {
        public void Report(HarvestProgress value) => report(value);
    }
}
