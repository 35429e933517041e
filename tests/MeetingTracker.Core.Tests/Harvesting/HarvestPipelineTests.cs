using System.Globalization;
using System.Threading.Channels;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.LogGen.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>
/// The harvest's pipeline (ADR 15): the search index follows the writes during the run, a follower that fails costs
/// nothing but its speed, and the pipeline's threads are its own, at a lower priority.
/// </summary>
public sealed class HarvestPipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_index_follows_the_writes_so_the_listeners_at_the_end_find_every_meeting_indexed()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 4, Weeks = 12, Seed = 31 });
        Watcher? watcher = null;
        using var data = new TempDir();
        await using var services = await HarvestingSetup.OpenAsync(
            data.Path, TestDatabase.For(data.Path), s => s.AddSingleton<IMeetingsChangedHandler>(sp => watcher = new Watcher(sp.GetRequiredService<IDbContextFactory<TrackerDb>>(), sp.GetRequiredService<SearchIndexer>())), Ct);
        try
        {
            var summary = await services.GetRequiredService<Harvester>().HarvestAsync(new SourceOptions { Name = "test", Location = tree.Root }, null, Ct);

            Assert.Equal(HarvestStatus.Succeeded, summary.Status);
            Assert.Equal(tree.Summary.Meetings, summary.New);

            // The watcher is told first of the listeners, before the search catch-up: the follower had done it all.
            Assert.Equal((tree.Summary.Meetings, 0), watcher!.AtEnd);
            Assert.Equal(0, await services.GetRequiredService<SearchIndexer>().IndexPendingAsync(Ct));
            await using var db = await services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(Ct);
            var documents = await db.Lines.CountAsync(Ct) + await db.Topics.CountAsync(Ct) + await db.Items.CountAsync(i => i.RemovedAt == null, Ct);
            Assert.Equal(documents, services.GetRequiredService<SearchIndex>().DocumentCount);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task A_follower_that_fails_leaves_its_meetings_to_the_catch_up_and_the_run_succeeds()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 3, Weeks = 8, Seed = 32 });
        var failing = new FailingFollower();
        using var data = new TempDir();
        await using var services = await HarvestingSetup.OpenAsync(data.Path, TestDatabase.For(data.Path), s => s.AddSingleton<IMeetingsChangedHandler>(failing), Ct);
        try
        {
            var summary = await services.GetRequiredService<Harvester>().HarvestAsync(new SourceOptions { Name = "test", Location = tree.Root }, null, Ct);

            Assert.Equal(HarvestStatus.Succeeded, summary.Status);
            Assert.Equal(tree.Summary.Meetings, summary.New);
            Assert.True(failing.Seen > 0);
            await using var db = await services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(Ct);
            Assert.Equal(await ChangeNumbers.LastAsync(db, Ct), services.GetRequiredService<SearchIndex>().Mark);
            var someone = await db.Lines.Select(l => l.Text).FirstAsync(t => t.Length > 20, Ct);
            var word = someone.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.Length > 4 && w.All(char.IsAsciiLetter));
            var found = await services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(word), Ct);
            Assert.True(found.TotalHits > 0, word);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Work_runs_on_the_harvest_threads_at_a_lower_priority_and_the_caller_continues_off_them()
    {
        using var threads = new HarvestThreads(2, "harvest-test");
        var names = new List<string?>();
        var nice = new List<int?>();

        await threads.Run(async () =>
        {
            names.Add(Thread.CurrentThread.Name);
            nice.Add(ThreadNice());
            await Task.Delay(10, Ct);
            names.Add(Thread.CurrentThread.Name);
            nice.Add(ThreadNice());
        });

        Assert.All(names, n => Assert.StartsWith("harvest-test ", n, StringComparison.Ordinal));
        Assert.DoesNotContain("harvest-test", Thread.CurrentThread.Name ?? string.Empty, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            Assert.All(nice, n => Assert.Equal(HarvestThreads.Nice, n));
            Assert.Equal(0, ThreadNice());
        }
    }

    [Fact]
    public async Task A_failure_inside_the_work_reaches_the_caller()
    {
        using var threads = new HarvestThreads(1, "harvest-test");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => threads.Run(async () =>
        {
            await Task.Yield();
            throw new InvalidDataException("broken");
        }));

        Assert.Equal("broken", error.Message);
    }

    // Field 19 of /proc/thread-self/stat (the 17th after the command name's closing parenthesis).
    private static int? ThreadNice()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }

    /// <summary>Counts the meetings, and those not yet indexed, when the listeners are told at the end of the run.</summary>
    private sealed class Watcher(IDbContextFactory<TrackerDb> dbFactory, SearchIndexer indexer) : IMeetingsChangedHandler
    {
        public (int Meetings, int NotIndexed) AtEnd { get; private set; }

        public async Task MeetingsChangedAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var meetings = await db.Meetings.Select(m => new { m.Id, m.Change }).ToListAsync(cancellationToken);
            AtEnd = (meetings.Count, meetings.Count(m => !indexer.Holds(m.Id, m.Change)));
        }
    }

    /// <summary>Takes a few meetings, then fails.</summary>
    private sealed class FailingFollower : IMeetingsChangedHandler, IWrittenMeetingsFollower
    {
        public int Seen { get; private set; }

        public Task MeetingsChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task FollowAsync(ChannelReader<WrittenMeeting> written, CancellationToken cancellationToken)
        {
            await written.ReadAsync(cancellationToken);
            Seen++;
            throw new InvalidOperationException("the follower broke");
        }
    }
}
