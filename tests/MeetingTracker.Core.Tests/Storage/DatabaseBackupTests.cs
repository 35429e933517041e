using System.Diagnostics;
using MeetingTracker.Cli;
using MeetingTracker.Cli.Commands;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using MeetingTracker.Core.Tests.Reminders;
using MeetingTracker.LogGen.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeetingTracker.Core.Tests.Storage;

/// <summary>
/// <see cref="DatabaseBackup"/> over real SQLite files: backups taken while a real <c>meetingtracker import</c> process
/// writes, a restore compared table by table with its source and read by the engine, a forced restore, the pruning.
/// </summary>
// SQLite's online backup API: the PostgreSQL pass leaves it out (its databases are backed up with pg_dump, ADR 19).
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class DatabaseBackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backups_taken_while_an_import_process_writes_are_whole_databases_of_one_moment()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 8, Weeks = 40, Seed = 5 });
        await using var host = await HarvestHost.StartAsync(Ct);
        using var backups = new TempDir();
        using var child = Cli.CliRunner.Start(null, "import", tree.Root, "--data", host.DataDir, "--name", "test", "--rps", "0");
        var drain = Task.WhenAll(child.StandardOutput.ReadToEndAsync(Ct), child.StandardError.ReadToEndAsync(Ct));

        var taken = new List<(BackupResult Backup, bool WhileWriting)>();
        try
        {
            var before = 0;
            while (before < 10 && !child.HasExited)
            {
                await Task.Delay(20, Ct);
                await using var db = host.Db();
                before = await db.Meetings.CountAsync(Ct);
            }

            for (var i = 0; i < 3 && !child.HasExited; i++)
            {
                var backup = await DatabaseBackup.BackupAsync(host.DataDir, Path.Combine(backups.Path, $"during-{i}.db"), Ct);
                taken.Add((backup, !child.HasExited));
            }
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(Ct);
            await drain;
        }

        Assert.True(taken.Count > 0 && taken[0].WhileWriting, "the import ended before a backup could be taken while it wrote");
        Assert.True(taken[0].Backup.Meetings > 0 && taken[0].Backup.Meetings < tree.Summary.Meetings, $"{taken[0].Backup.Meetings} meetings in the first backup");
        foreach (var (backup, _) in taken)
        {
            Assert.Equal("ok", BackupTables.Scalar(backup.File, "PRAGMA integrity_check;"));
            Assert.Equal("delete", BackupTables.Scalar(backup.File, "PRAGMA journal_mode;"));
            Assert.False(File.Exists(backup.File + "-wal"));
            Assert.Equal(backup.Meetings, long.Parse(BackupTables.Scalar(backup.File, "SELECT count(*) FROM Meetings;"), System.Globalization.CultureInfo.InvariantCulture));

            // Every meeting in a backup has every line and its files: a harvest's transaction is in it whole or not at all.
            using var restored = new TempDir();
            await DatabaseBackup.RestoreAsync(backup.File, restored.Path, force: false, Ct);
            await using (var services = await HarvestingSetup.OpenAsync(restored.Path, configure: null, Ct))
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(Ct);
                await HarvestFailureTests.AssertEveryMeetingWhole(db);
                Assert.Equal(backup.Meetings, await db.Meetings.CountAsync(Ct));
            }

            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task A_restore_into_an_empty_folder_holds_every_table_row_for_row_and_the_engine_reads_it()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await ReminderScenario.BuildAsync(rig, Ct);
        var report = await rig.RunAsync(ReminderScenario.Monday, Ct);
        Assert.Equal("reminders: 3 queued, 0 already sent, 1 with nothing to say", report.Line);
        await rig.Get<SearchIndexer>().IndexPendingAsync(Ct);
        using var backups = new TempDir();
        var file = Path.Combine(backups.Path, "nightly.db");

        var backup = await DatabaseBackup.BackupAsync(rig.DataDir, file, Ct);
        var source = BackupTables.Dump(Path.Combine(rig.DataDir, StorageSetup.DatabaseFileName));
        var target = Path.Combine(backups.Path, "restored", "data");
        var restore = await DatabaseBackup.RestoreAsync(file, target, force: false, Ct);

        Assert.Equal(5, backup.Meetings);
        Assert.Equal(4, backup.Accounts);
        Assert.Equal((5, 4, (string?)null), (restore.Meetings, restore.Accounts, restore.Replaced));
        foreach (var said in new[] { "AspNetUsers", "NickClaims", "AccountabilityEvents", "Outbox", "Digests", "DataProtectionKeys", "Meetings", "LogLines", "Items", "__EFMigrationsHistory" })
        {
            Assert.True(source[said].Count > 0, $"the source has no {said}: the comparison would prove nothing");
        }

        var restored = BackupTables.Dump(restore.Database);
        Assert.Equal(source.Keys, restored.Keys);
        foreach (var (table, rows) in source)
        {
            Assert.True(rows.SequenceEqual(restored[table]), $"table {table}: {rows.Count} rows in the source, {restored[table].Count} restored, or rows differ");
        }

        Assert.False(Directory.Exists(Path.Combine(target, SearchSetup.IndexFolder)));

        // The engine over the restored folder: the same actions, a meeting whole, the index rebuilt from the database,
        // the same digests found sent (the Data Protection keys and the outbox came along).
        await using var services = await ReminderServices.OpenAsync(target, CliConfiguration.Build(), s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(ReminderScenario.Monday)), Ct);
        var before = await rig.Get<AccountabilityService>().SnapshotAsync(Ct);
        var after = await services.GetRequiredService<AccountabilityService>().SnapshotAsync(Ct);
        Assert.Equal(before.Actions.Select(a => (a.Id, a.Text, a.Meetings)), after.Actions.Select(a => (a.Id, a.Text, a.Meetings)));
        Assert.Contains(after.Actions, a => a.Text == ReminderScenario.MirrorKeys);
        await using (var db = await services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(Ct))
        {
            var meeting = await db.Meetings.AsNoTracking().OrderBy(m => m.Id).FirstAsync(Ct);
            Assert.Equal(meeting.LineCount, await db.Lines.CountAsync(l => l.MeetingId == meeting.Id, Ct));
            Assert.Equal(2, await db.AccountabilityEvents.CountAsync(Ct));
            Assert.Equal(accounts["alice"], (await db.Users.SingleAsync(u => u.Email == "alice@example.org", Ct)).Id);
        }

        Assert.True(services.GetRequiredService<SearchIndex>().NeedsRebuild);
        Assert.Equal(5, await services.GetRequiredService<SearchIndexer>().IndexPendingAsync(Ct));
        var found = await services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest("mirror keys"), Ct);
        Assert.True(found.TotalHits > 0);
        var again = await services.GetRequiredService<ReminderRun>().RunAsync(new ReminderRequest(ReminderScenario.Monday, ReminderRig.Root), Ct);
        Assert.Equal("reminders: 0 queued, 3 already sent, 1 with nothing to say", again.Line);
    }

    [Fact]
    public async Task A_forced_restore_replaces_the_database_keeps_the_old_one_beside_and_removes_the_index()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 2, Weeks = 2, Seed = 3 });
        using var backups = new TempDir();
        var file = Path.Combine(backups.Path, "small.db");
        string dataDir;
        long old;
        await using (var host = await HarvestHost.StartAsync(Ct))
        {
            await host.HarvestAsync(new SourceOptions { Name = "a", Location = tree.Root, RequestsPerSecond = 0 }, Ct);
            await DatabaseBackup.BackupAsync(host.DataDir, file, Ct);

            // The live folder moves on: a second source, twice the meetings.
            await host.HarvestAsync(new SourceOptions { Name = "b", Location = tree.Root, RequestsPerSecond = 0 }, Ct);
            await host.Get<SearchIndexer>().IndexPendingAsync(Ct);
            await using var db = host.Db();
            old = await db.Meetings.CountAsync(Ct);
            dataDir = Path.Combine(backups.Path, "data");
            CopyFolder(host.DataDir, dataDir);
        }

        SqliteConnection.ClearAllPools();
        Assert.True(Directory.Exists(Path.Combine(dataDir, SearchSetup.IndexFolder)));

        var restore = await DatabaseBackup.RestoreAsync(file, dataDir, force: true, Ct);

        Assert.Equal(old / 2, restore.Meetings);
        Assert.Equal(Path.Combine(dataDir, StorageSetup.DatabaseFileName + DatabaseBackup.ReplacedSuffix), restore.Replaced);
        Assert.Equal(old.ToString(System.Globalization.CultureInfo.InvariantCulture), BackupTables.Scalar(restore.Replaced!, "SELECT count(*) FROM Meetings;"));
        Assert.Equal(BackupTables.Dump(file), BackupTables.Dump(restore.Database));
        Assert.False(Directory.Exists(Path.Combine(dataDir, SearchSetup.IndexFolder)));
        Assert.Empty(Directory.EnumerateFiles(dataDir, "*.restoring"));
        Assert.False(File.Exists(restore.Database + "-wal"));
    }

    [Fact]
    public void Pruning_keeps_the_newest_backups_of_the_job_and_never_another_file()
    {
        using var folder = new TempDir();
        var start = new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);
        var names = Enumerable.Range(0, 5).Select(i => DatabaseBackup.FileName(start.AddDays(i))).ToList();
        foreach (var name in names) folder.Write(name, "x");
        folder.Write("meetingtracker.db", "the live one");
        folder.Write("before-upgrade.db", "a hand-made backup");
        folder.Write("meetingtracker-notes.txt", "notes");

        var removed = DatabaseBackup.Prune(folder.Path, keep: 2);

        Assert.Equal("meetingtracker-20261201T023000Z.db", names[0]);
        Assert.Equal(names[..3], removed.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { names[3], names[4], "before-upgrade.db", "meetingtracker-notes.txt", "meetingtracker.db" }.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

}
