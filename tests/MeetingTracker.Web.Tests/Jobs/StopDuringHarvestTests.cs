extern alias loggen;

using System.Diagnostics;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Jobs;

/// <summary>
/// The host asked to stop (what SIGTERM does: the generic host's graceful stop) in the middle of its first harvest:
/// it stops within 10 s, the run says it was interrupted, every meeting written is whole, and the next start finishes
/// the work without duplicates.
/// </summary>
public sealed class StopDuringHarvestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stop_during_a_harvest_ends_within_10_s_marked_interrupted_and_the_next_start_finishes_it()
    {
        // Enough meetings that the harvest is still writing when the host has stopped (the pipelined writer stores 320
        // meetings in about a second: a smaller server was done before the stop reached it).
        var logs = new GeneratorOptions { Teams = 8, Weeks = 150, Seed = 14 };
        string root;
        int partial;
        var first = new TrackerHost(logs) { KeepFiles = true };
        try
        {
            root = first.Root;
            using (first.CreateClient())
            {
            }

            // Wait until the first harvest (started by the scheduler at start) has written some meetings.
            var waited = Stopwatch.StartNew();
            while (true)
            {
                await using var db = first.Db();
                if (await db.Meetings.CountAsync(Ct) >= 5) break;
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the first harvest wrote nothing within 60 s");
                await Task.Delay(50, Ct);
            }

            var stopping = Stopwatch.StartNew();
            await first.DisposeAsync();
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the host took {stopping.Elapsed} to stop");
        }
        catch
        {
            first.KeepFiles = false;
            await first.DisposeAsync();
            throw;
        }

        await using var second = new TrackerHost(root, logs);

        // Read before the second host starts (its services start it, and it harvests at once): the file as the first left it.
        await using (var db = TestDatabase.Open(second.DataDir))
        {
            var run = await db.Runs.AsNoTracking().SingleAsync(Ct);
            Assert.Equal((HarvestStatus.Interrupted, Harvester.InterruptedReason), (run.Status, run.Error));
            partial = await db.Meetings.CountAsync(Ct);
            // Whole: every line a meeting counts is stored, and its files with it (one transaction a meeting).
            var whole = await db.Meetings.Select(m => new { m.LineCount, Lines = db.Lines.Count(l => l.MeetingId == m.Id), Files = db.Files.Count(f => f.MeetingId == m.Id) }).ToListAsync(Ct);
            Assert.All(whole, m => Assert.True(m.LineCount == m.Lines && m.Files > 0));
        }

        using (second.CreateClient())
        {
        }

        var finished = await second.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, Ct);
        await using (var db = second.Db())
        {
            var meetings = await db.Meetings.CountAsync(Ct);
            Assert.True(partial < meetings, $"{partial} meetings when stopped, {meetings} after the next start");
            Assert.Equal(meetings - partial, finished.MeetingsNew);
            Assert.Equal(meetings, await db.Meetings.Select(m => m.MeetingKey).Distinct().CountAsync(Ct));
        }
    }

    [Fact]
    public async Task A_source_whose_last_run_was_interrupted_is_harvested_at_start_even_after_earlier_successes()
    {
        string root;
        int interrupted;
        var first = new TrackerHost() { KeepFiles = true };
        try
        {
            root = first.Root;
            using (first.CreateClient())
            {
            }

            await first.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, Ct);
            await using (var db = first.Db())
            {
                var source = await db.Sources.SingleAsync(Ct);
                var run = new HarvestRun { SourceId = source.Id, StartedAt = source.CreatedAt, Status = HarvestStatus.Interrupted, Error = Harvester.InterruptedReason };
                db.Runs.Add(run);
                await db.SaveChangesAsync(Ct);
                interrupted = run.Id;
            }

            await first.DisposeAsync();
        }
        catch
        {
            first.KeepFiles = false;
            await first.DisposeAsync();
            throw;
        }

        await using var second = new TrackerHost(root);
        using (second.CreateClient())
        {
        }

        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var db = second.Db();
            if (await db.Runs.AnyAsync(r => r.Id > interrupted && r.Status == HarvestStatus.Succeeded, Ct)) break;
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(180), $"no run after the interrupted one ({interrupted}) within 180 s");
            await Task.Delay(100, Ct);
        }
    }
}
