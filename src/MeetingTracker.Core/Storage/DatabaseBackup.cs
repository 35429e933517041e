using System.Globalization;
using MeetingTracker.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Storage;

/// <summary>What a backup wrote: the file, its size, and how many meetings and accounts it holds.</summary>
public sealed record BackupResult(string File, long Bytes, long Meetings, long Accounts)
{
    public string Line => string.Create(CultureInfo.InvariantCulture, $"backup: {File} ({Bytes} bytes, {Meetings} meetings, {Accounts} accounts)");
}

/// <summary>What a restore did: the database it wrote, and where the one it replaced was kept (with <c>--force</c>).</summary>
public sealed record RestoreResult(string Database, long Meetings, long Accounts, string? Replaced)
{
    public string Line => string.Create(CultureInfo.InvariantCulture, $"restored: {Database} ({Meetings} meetings, {Accounts} accounts); the search index is rebuilt on the next start")
        + (Replaced is null ? string.Empty : $"; the replaced database was kept as {Replaced}");
}

/// <summary>A backup or a restore that cannot be done, with the reason for the person who asked (nothing was changed).</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backups of the SQLite database of a data folder (the <c>backup</c> and <c>restore</c> verbs, the nightly
/// <c>backup</c> job). A backup is SQLite's online backup of the database in one read transaction: a consistent copy
/// while the host reads and writes, as of one moment, in one self-contained file (journal mode DELETE, no WAL beside
/// it). It holds everything the database holds (harvested data, accounts, claims, events, the outbox, digests, the
/// Data Protection keys) and not the search index, which the host rebuilds from the database when it is missing.
/// A restore checks the file first and writes the database beside the one it replaces, then renames it over.
/// PostgreSQL databases are backed up with <c>pg_dump</c> (README), not with this.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Files the nightly job writes and prunes: <c>meetingtracker-20261124T023000Z.db</c>.</summary>
    public const string FilePrefix = "meetingtracker-";
    public const string FileExtension = ".db";

    /// <summary>Beside the data folder's database: the database a forced restore replaced.</summary>
    public const string ReplacedSuffix = ".before-restore";

    private const string MigrationsTable = "__EFMigrationsHistory";

    /// <summary>SQLite's files beside a database.</summary>
    private static readonly string[] Sidecars = ["-wal", "-shm", "-journal"];

    /// <summary>The nightly job's file name for a backup made at <paramref name="at"/> (names sort by time).</summary>
    public static string FileName(DateTimeOffset at)
        => FilePrefix + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + FileExtension;

    /// <summary>Copies the database of <paramref name="dataDir"/> to <paramref name="file"/> (replaced when it exists, only once the copy is whole).</summary>
    public static async Task<BackupResult> BackupAsync(string dataDir, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        ArgumentNullException.ThrowIfNull(file);
        var source = DatabasePath(dataDir);
        if (!File.Exists(source)) throw new BackupException($"there is no database in {Path.GetFullPath(dataDir)} ({StorageSetup.DatabaseFileName} is missing)");
        var target = Path.GetFullPath(file);
        if (Directory.Exists(target)) throw new BackupException($"{target} is a folder: give the backup's file name");
        if (target == source || Sidecars.Any(s => string.Equals(target, source + s, StringComparison.Ordinal))) throw new BackupException($"{target} is the database itself (or one of its files): back up to another file");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            long meetings, accounts;
            using (var from = Connection(source, SqliteOpenMode.ReadWrite))
            using (var to = Connection(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await from.OpenAsync(cancellationToken).ConfigureAwait(false);
                await to.OpenAsync(cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();

                // One step over every page: one read transaction, so one moment of the database; in WAL mode
                // writers go on meanwhile and readers never wait.
                from.BackupDatabase(to);
                await ScalarAsync(to, "PRAGMA journal_mode=DELETE;", cancellationToken).ConfigureAwait(false);
                var check = await ScalarAsync(to, "PRAGMA quick_check;", cancellationToken).ConfigureAwait(false);
                if (!string.Equals(check, "ok", StringComparison.Ordinal)) throw new BackupException($"the copy failed its check ({check}); nothing was written to {target}");
                (meetings, accounts) = await CountsAsync(to, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target, overwrite: true);
            return new BackupResult(target, new FileInfo(target).Length, meetings, accounts);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores <paramref name="file"/> (a backup) as the database of <paramref name="dataDir"/>. Refuses, changing
    /// nothing: a file that is not a MeetingTracker database with a migrations history (or is damaged, or comes from a
    /// newer version), a database in use by a process (the web host, an import), and an existing database unless
    /// <paramref name="force"/> (which keeps it beside, as <c>meetingtracker.db.before-restore</c>). Removes the search
    /// index, which the host then rebuilds from the restored database.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(string file, string dataDir, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(dataDir);
        var backup = Path.GetFullPath(file);
        if (!File.Exists(backup)) throw new BackupException($"{backup} does not exist");
        var folder = Path.GetFullPath(dataDir);
        var database = DatabasePath(folder);
        if (string.Equals(backup, database, StringComparison.Ordinal)) throw new BackupException($"{backup} is the data folder's database itself");
        var exists = File.Exists(database);
        if (exists && !force) throw new BackupException($"{folder} already holds a database; restore over it with --force (it is kept as {StorageSetup.DatabaseFileName}{ReplacedSuffix})");
        var createdFolder = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        var restoring = $"{database}.{Guid.NewGuid():N}.restoring";
        try
        {
            // The backup is checked on a copy beside the database: the file given is only read, and the rename
            // below is the only change the data folder sees.
            File.Copy(backup, restoring);
            var (meetings, accounts) = await CheckAsync(restoring, backup, cancellationToken).ConfigureAwait(false);
            if (IndexInUse(folder) || (exists && await InUseAsync(database, cancellationToken).ConfigureAwait(false)))
            {
                throw new BackupException($"the database in {folder} is in use (the web host or another meetingtracker command); stop it first; nothing was restored");
            }

            string? replaced = null;
            if (exists)
            {
                replaced = database + ReplacedSuffix;
                File.Copy(database, replaced, overwrite: true);
            }

            foreach (var sidecar in Sidecars)
            {
                if (File.Exists(database + sidecar)) File.Delete(database + sidecar);
            }

            File.Move(restoring, database, overwrite: true);
            var index = Path.Combine(folder, SearchSetup.IndexFolder);
            if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
            return new RestoreResult(database, meetings, accounts, replaced);
        }
        catch when (createdFolder)
        {
            if (File.Exists(restoring)) File.Delete(restoring);
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
            throw;
        }
        finally
        {
            if (File.Exists(restoring)) File.Delete(restoring);
        }
    }

    /// <summary>
    /// Deletes the nightly job's files in <paramref name="folder"/> (<c>meetingtracker-*.db</c>) but the newest
    /// <paramref name="keep"/>; never another file. Returns the deleted ones.
    /// </summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        if (!Directory.Exists(folder)) return [];
        var old = Directory.EnumerateFiles(folder, FilePrefix + "*" + FileExtension)
            .Where(f => Path.GetFileName(f).EndsWith(FileExtension, StringComparison.Ordinal))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var f in old) File.Delete(f);
        return old;
    }

    private static string DatabasePath(string dataDir) => Path.Combine(Path.GetFullPath(dataDir), StorageSetup.DatabaseFileName);

    private static SqliteConnection Connection(string path, SqliteOpenMode mode, int timeoutSeconds = 60) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = timeoutSeconds,
    }.ToString());

    /// <summary>
    /// Whether another connection (of any process) has the database open: in WAL mode every open connection holds a
    /// shared lock on the file for its lifetime (pooled idle ones too), so an exclusive lock is refused.
    /// </summary>
    private static async Task<bool> InUseAsync(string database, CancellationToken cancellationToken)
    {
        using var connection = Connection(database, SqliteOpenMode.ReadWrite, timeoutSeconds: 1);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ScalarAsync(connection, "PRAGMA locking_mode=EXCLUSIVE;", cancellationToken).ConfigureAwait(false);
            await ScalarAsync(connection, "BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master; COMMIT;", cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return true; // SQLITE_BUSY, SQLITE_LOCKED
        }
    }

    /// <summary>
    /// Whether a process holds the search index's write lock: the web host does for its whole life (its pooled
    /// database connections may all have been closed while it idles), a CLI harvest while it indexes.
    /// </summary>
    private static bool IndexInUse(string folder)
    {
        var index = Path.Combine(folder, SearchSetup.IndexFolder);
        if (!Directory.Exists(index)) return false;

        // Lucene's own test (native OS locks, as the host's writer takes them); the lock file stays as it was.
        using var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(index));
        return Lucene.Net.Index.IndexWriter.IsLocked(directory);
    }

    /// <summary>That <paramref name="path"/> (a copy of <paramref name="backup"/>) is a whole MeetingTracker database this version can open.</summary>
    private static async Task<(long Meetings, long Accounts)> CheckAsync(string path, string backup, CancellationToken cancellationToken)
    {
        using var connection = Connection(path, SqliteOpenMode.ReadWrite);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        string? check;
        try
        {
            check = await ScalarAsync(connection, "PRAGMA quick_check;", cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            throw new BackupException($"{backup} is not a SQLite database ({e.SqliteErrorCode switch { 26 => "file is not a database", _ => "damaged" }}); nothing was restored");
        }

        if (!string.Equals(check, "ok", StringComparison.Ordinal)) throw new BackupException($"{backup} is damaged ({check}); nothing was restored");
        var history = await ScalarAsync(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{MigrationsTable}';", cancellationToken).ConfigureAwait(false);
        if (history is not "1") throw new BackupException($"{backup} is a SQLite database but not a MeetingTracker one (it has no migrations history); nothing was restored");

        var applied = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT MigrationId FROM \"{MigrationsTable}\" ORDER BY MigrationId;";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) applied.Add(reader.GetString(0));
        }

        var known = KnownMigrations();
        if (applied.Count == 0 || !string.Equals(applied[0], known[0], StringComparison.Ordinal))
        {
            throw new BackupException($"{backup} has a migrations history, but not MeetingTracker's (its first migration is {(applied.Count == 0 ? "none" : applied[0])}); nothing was restored");
        }

        if (applied.FirstOrDefault(m => !known.Contains(m, StringComparer.Ordinal)) is { } unknown)
        {
            throw new BackupException($"{backup} was made by a newer MeetingTracker (migration {unknown} is unknown to this version); nothing was restored");
        }

        return await CountsAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The migrations of this build, oldest first (a backup from an older build is migrated by the host on start).</summary>
    private static List<string> KnownMigrations()
    {
        using var db = new TrackerDb(new DbContextOptionsBuilder<TrackerDb>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Database.GetMigrations()];
    }

    private static async Task<(long Meetings, long Accounts)> CountsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var meetings = await ScalarAsync(connection, "SELECT count(*) FROM Meetings;", cancellationToken).ConfigureAwait(false);
        var accounts = await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers';", cancellationToken).ConfigureAwait(false) == "1"
            ? await ScalarAsync(connection, "SELECT count(*) FROM AspNetUsers;", cancellationToken).ConfigureAwait(false)
            : "0";
        return (long.Parse(meetings!, CultureInfo.InvariantCulture), long.Parse(accounts!, CultureInfo.InvariantCulture));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
