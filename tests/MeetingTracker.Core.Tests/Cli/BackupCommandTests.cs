using System.Security.Cryptography;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Harvesting;
using MeetingTracker.Core.Tests.Storage;
using MeetingTracker.LogGen.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>
/// <c>meetingtracker backup</c> and <c>restore</c> as a user runs them: a round trip, and every refusal, each with a
/// clear reason, exit code 1, and the data folder and the file given exactly as they were.
/// </summary>
// SQLite's online backup API: the PostgreSQL pass leaves it out (its databases are backed up with pg_dump, ADR 19).
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class BackupCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_then_restore_into_a_new_folder_prints_what_they_did_and_the_copy_is_the_database()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 2, Weeks = 2, Seed = 8 });
        using var work = new TempDir();
        var file = Path.Combine(work.Path, "backups", "mt.db");
        var target = Path.Combine(work.Path, "restored");
        await using (var host = await HarvestHost.StartAsync(Ct))
        {
            await host.HarvestAsync(new SourceOptions { Name = "a", Location = tree.Root, RequestsPerSecond = 0 }, Ct);

            var backup = CliRunner.Run("backup", "--data", host.DataDir, "--to", file);

            Assert.True(backup.Exit == 0, backup.Stderr);
            Assert.Matches($@"^backup: {Regex(file)} \(\d+ bytes, {tree.Summary.Meetings} meetings, 0 accounts\)$", CliRunner.Lines(backup.Stdout)[^1]);
            Assert.Equal(BackupTables.Dump(Path.Combine(host.DataDir, StorageSetup.DatabaseFileName)), BackupTables.Dump(file));
        }

        SqliteConnection.ClearAllPools();
        var restore = CliRunner.Run("restore", file, "--data", target);

        Assert.True(restore.Exit == 0, restore.Stderr);
        var database = Path.Combine(target, StorageSetup.DatabaseFileName);
        Assert.Equal(
            $"restored: {database} ({tree.Summary.Meetings} meetings, 0 accounts); the search index is rebuilt on the next start",
            CliRunner.Lines(restore.Stdout)[^1]);
        Assert.Equal(BackupTables.Dump(file), BackupTables.Dump(database));
        Assert.Equal([StorageSetup.DatabaseFileName], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
    }

    [Fact]
    public void A_backup_of_a_folder_without_a_database_fails_and_writes_nothing()
    {
        using var empty = new TempDir();
        var file = Path.Combine(empty.Path, "out.db");

        var result = CliRunner.Run("backup", "--data", empty.Path, "--to", file);

        Assert.Equal(1, result.Exit);
        Assert.Contains("there is no database in", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty.Path));
    }

    [Fact]
    public void Restore_and_backup_need_their_file_arguments()
    {
        Assert.Equal(2, CliRunner.Run("backup", "--data", "/tmp").Exit);
        Assert.Equal(2, CliRunner.Run("restore", "x.db").Exit);
    }

    [Theory]
    [InlineData("text", "is not a SQLite database")]
    [InlineData("truncated", "is not a SQLite database")]
    [InlineData("other-sqlite", "is a SQLite database but not a MeetingTracker one (it has no migrations history)")]
    [InlineData("other-migrations", "has a migrations history, but not MeetingTracker's (its first migration is 20200101000000_Blog)")]
    [InlineData("newer", "was made by a newer MeetingTracker (migration 29990101000000_Future is unknown to this version)")]
    public async Task Restore_refuses_a_file_that_is_not_a_meetingtracker_database_and_changes_nothing(string kind, string reason)
    {
        using var work = new TempDir();
        var file = await BadFileAsync(work, kind);
        var target = Path.Combine(work.Path, "data");
        var fileBefore = Hash(file);

        // Into a folder that does not exist: it is not left behind.
        var fresh = CliRunner.Run("restore", file, "--data", target);

        Assert.Equal(1, fresh.Exit);
        Assert.Contains(reason, fresh.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was restored", fresh.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));

        // Over a data folder, even forced: the folder stays as it was.
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 2 });
        var dataDir = await HarvestedFolderAsync(work, tree);
        var folderBefore = Snapshot(dataDir);

        var forced = CliRunner.Run("restore", file, "--data", dataDir, "--force");

        Assert.Equal(1, forced.Exit);
        Assert.Contains(reason, forced.Stderr, StringComparison.Ordinal);
        Assert.Equal(folderBefore, Snapshot(dataDir));
        Assert.Equal(fileBefore, Hash(file));
    }

    [Fact]
    public async Task Restore_over_an_existing_database_needs_force()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 4 });
        using var work = new TempDir();
        var dataDir = await HarvestedFolderAsync(work, tree);
        var file = Path.Combine(work.Path, "good.db");
        await DatabaseBackup.BackupAsync(dataDir, file, Ct);
        var folderBefore = Snapshot(dataDir);

        var unforced = CliRunner.Run("restore", file, "--data", dataDir);

        Assert.Equal(1, unforced.Exit);
        Assert.Contains("already holds a database; restore over it with --force", unforced.Stderr, StringComparison.Ordinal);
        Assert.Equal(folderBefore, Snapshot(dataDir));
    }

    /// <summary>
    /// In use: a process with the database open (an import, the web host's pooled connections), or holding the search
    /// index (the web host, all its life, even when its idle connections have been closed).
    /// </summary>
    [Theory]
    [InlineData("database")]
    [InlineData("index")]
    public async Task Restore_never_replaces_a_data_folder_in_use_even_forced(string held)
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 4 });
        using var work = new TempDir();
        var dataDir = await HarvestedFolderAsync(work, tree);
        var file = Path.Combine(work.Path, "good.db");
        await DatabaseBackup.BackupAsync(dataDir, file, Ct);
        var fileBefore = Hash(file);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, StorageSetup.DatabaseFileName)};Pooling=False");
        using var index = held == "index" ? new SearchIndex(Path.Combine(dataDir, SearchSetup.IndexFolder), NullLogger<SearchIndex>.Instance) : null;
        if (held == "database")
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; SELECT count(*) FROM Meetings;";
            command.ExecuteScalar();
        }

        var folderBefore = Snapshot(dataDir);

        var inUse = CliRunner.Run("restore", file, "--data", dataDir, "--force");

        Assert.Equal(1, inUse.Exit);
        Assert.Contains("is in use (the web host or another meetingtracker command); stop it first; nothing was restored", inUse.Stderr, StringComparison.Ordinal);
        Assert.Equal(folderBefore, Snapshot(dataDir));
        Assert.Equal(fileBefore, Hash(file));
        connection.Close();
        index?.Dispose();
        SqliteConnection.ClearAllPools();
        Assert.Equal(tree.Summary.Meetings.ToString(System.Globalization.CultureInfo.InvariantCulture), BackupTables.Scalar(Path.Combine(dataDir, StorageSetup.DatabaseFileName), "SELECT count(*) FROM Meetings;"));
    }

    private static async Task<string> BadFileAsync(TempDir work, string kind)
    {
        switch (kind)
        {
            case "text":
                return work.Write("notes.db", "these are not the pages of a database\n");
            case "truncated":
            {
                // The first bytes of a real database: the header says SQLite, the pages are missing.
                using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 1, Seed = 1 });
                var dataDir = await HarvestedFolderAsync(work, tree, "truncated-source");
                var whole = Path.Combine(work.Path, "whole.db");
                await DatabaseBackup.BackupAsync(dataDir, whole, Ct);
                var bytes = await File.ReadAllBytesAsync(whole, Ct);
                return work.Write("truncated.db", bytes[..(bytes.Length / 3)]);
            }

            default:
            {
                var file = Path.Combine(work.Path, kind + ".db");
                using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = kind switch
                {
                    "other-sqlite" => "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello');",
                    "other-migrations" => """
                        CREATE TABLE "__EFMigrationsHistory" (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT NOT NULL);
                        INSERT INTO "__EFMigrationsHistory" VALUES ('20200101000000_Blog', '8.0.0');
                        """,
                    _ => """
                        CREATE TABLE "__EFMigrationsHistory" (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT NOT NULL);
                        INSERT INTO "__EFMigrationsHistory" VALUES ('20261124193430_Initial', '10.0.0'), ('29990101000000_Future', '10.0.0');
                        CREATE TABLE Meetings (Id INTEGER PRIMARY KEY);
                        """,
                };
                command.ExecuteNonQuery();
                return file;
            }
        }
    }

    /// <summary>A data folder with a harvest in it, an (empty) index, and nothing open on it.</summary>
    private static async Task<string> HarvestedFolderAsync(TempDir work, LogGenTree tree, string name = "harvested")
    {
        var dataDir = Path.Combine(work.Path, name);
        await using (var host = await HarvestHost.StartAsync(Ct))
        {
            await host.HarvestAsync(new SourceOptions { Name = "a", Location = tree.Root, RequestsPerSecond = 0 }, Ct);
            await host.Get<SearchIndexer>().IndexPendingAsync(Ct);
            await DatabaseBackup.BackupAsync(host.DataDir, Path.Combine(dataDir, StorageSetup.DatabaseFileName), Ct);
            new SearchIndex(Path.Combine(dataDir, SearchSetup.IndexFolder), NullLogger<SearchIndex>.Instance).Dispose();
        }

        SqliteConnection.ClearAllPools();
        return dataDir;
    }

    private static SortedDictionary<string, string> Snapshot(string folder)
        => new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), Hash), StringComparer.Ordinal);

    private static string Hash(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
