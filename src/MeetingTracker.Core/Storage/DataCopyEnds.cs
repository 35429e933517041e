using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// One end of a <see cref="DataCopy"/>: its context (the model as that engine maps it) and its open connection, opened
/// with the checks that make a copy safe; every failure to reach it is a <see cref="DataCopyException"/> of one line.
/// </summary>
internal sealed class DataCopyEnds : IAsyncDisposable
{
    private DataCopyEnds(TrackerDb db, DbConnection connection, string description, bool isPostgreSql)
    {
        Db = db;
        Connection = connection;
        Description = description;
        IsPostgreSql = isPostgreSql;
    }

    public TrackerDb Db { get; }

    public DbConnection Connection { get; }

    /// <summary>The file, or the server's database: never a password.</summary>
    public string Description { get; }

    public bool IsPostgreSql { get; }

    /// <summary>
    /// The source: it must exist (a SQLite file is never created) and be at this version's last migration, and be
    /// another database than <paramref name="target"/>.
    /// </summary>
    public static async Task<DataCopyEnds> OpenSourceAsync(DatabaseOptions source, DatabaseOptions target, CancellationToken cancellationToken)
    {
        var description = Describe(source);
        if (string.Equals(description, Describe(target), StringComparison.Ordinal)) throw new DataCopyException($"the source and the target are the same database ({description})");
        if (!source.IsPostgreSql && !File.Exists(description)) throw new DataCopyException($"the source {description} does not exist");
        var end = await OpenAsync(source, "the source", cancellationToken).ConfigureAwait(false);
        try
        {
            var (applied, known) = await end.MigrationsAsync(cancellationToken).ConfigureAwait(false);
            if (applied.Count == 0) throw new DataCopyException($"the source {description} is not a MeetingTracker database (no migrations applied)");
            if (applied.FirstOrDefault(m => !known.Contains(m)) is { } newer) throw new DataCopyException($"the source {description} was written by a newer version (its migration {newer} is unknown to this one): copy it with that version");
            if (applied[^1] != known[^1]) throw new DataCopyException($"the source {description} is at migration {applied[^1]}, this version at {known[^1]}: migrate it first (meetingtracker migrate, or start the site once over it)");
            return end;
        }
        catch
        {
            await end.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The target: migrated to this version's last migration (<paramref name="migrate"/>), or found at it.</summary>
    public static async Task<DataCopyEnds> OpenTargetAsync(DatabaseOptions target, bool migrate, CancellationToken cancellationToken)
    {
        var description = Describe(target);
        if (!target.IsPostgreSql && !migrate && !File.Exists(description)) throw new DataCopyException($"the target {description} does not exist");
        if (!target.IsPostgreSql) Directory.CreateDirectory(Path.GetDirectoryName(description)!);
        var end = await OpenAsync(target, "the target", cancellationToken).ConfigureAwait(false);
        try
        {
            var (applied, known) = await end.MigrationsAsync(cancellationToken).ConfigureAwait(false);
            if (applied.FirstOrDefault(m => !known.Contains(m)) is { } newer) throw new DataCopyException($"the target {description} was migrated by a newer version (its migration {newer} is unknown to this one)");
            if (migrate)
            {
                await end.Guard(() => end.Db.Database.MigrateAsync(cancellationToken)).ConfigureAwait(false);
                if (!end.IsPostgreSql) await end.Guard(() => end.Db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken)).ConfigureAwait(false);
            }
            else if (applied.Count == 0 || applied[^1] != known[^1])
            {
                throw new DataCopyException($"the target {description} is not at this version's last migration ({known[^1]})");
            }

            return end;
        }
        catch
        {
            await end.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Refuses a target holding rows (beyond the model's seed data): a copy never merges into data.</summary>
    public async Task RefuseUnlessEmptyAsync(CancellationToken cancellationToken)
    {
        var full = new List<string>();
        foreach (var table in DataCopyTable.Of(Db))
        {
            await using var command = Connection.CreateCommand();
#pragma warning disable CA2100 // a table name of the model, delimited by the provider
            command.CommandText = $"SELECT COUNT(*) FROM {table.Delimited}";
#pragma warning restore CA2100
            var rows = Convert.ToInt64(await Guard(() => command.ExecuteScalarAsync(cancellationToken)).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (rows > table.SeedRows) full.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Name} {rows:N0}"));
        }

        if (full.Count > 0)
        {
            throw new DataCopyException($"the target {Description} is not empty ({string.Join(", ", full.Take(5))}{(full.Count > 5 ? ", …" : "")} rows): copy-data writes only into an empty database; give a new one (createdb, or a new file)");
        }
    }

    /// <summary>A read transaction: one moment of the database for the whole copy and its check, writers not blocked.</summary>
    public Task<DbTransaction> BeginSnapshotAsync(CancellationToken cancellationToken) => Guard(async () => Connection switch
    {
        SqliteConnection sqlite => sqlite.BeginTransaction(deferred: true),
        _ => await Connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false),
    });

    /// <summary>Runs <paramref name="work"/>, turning a database error into a <see cref="DataCopyException"/> naming this end.</summary>
    public async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new DataCopyException($"{Description}: {Reason(e)}");
        }
    }

    public Task Guard(Func<Task> work) => Guard(async () =>
    {
        await work().ConfigureAwait(false);
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        await Db.Database.CloseConnectionAsync().ConfigureAwait(false);
        await Db.DisposeAsync().ConfigureAwait(false);
    }

    public static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A database or network failure; also inside EF's "transient failure" wrapper (Npgsql's execution strategy).</summary>
    private static bool IsUnreachable(Exception e) => e is DbException or SocketException or TimeoutException or IOException
        || (e is InvalidOperationException { InnerException: { } inner } && IsUnreachable(inner));

    private static string Reason(Exception e) => OneLine(e is InvalidOperationException { InnerException: { } inner } ? Reason(inner) : e.Message);

    private static string Describe(DatabaseOptions database) => database.Describe(Path.GetTempPath());

    private static async Task<DataCopyEnds> OpenAsync(DatabaseOptions database, string role, CancellationToken cancellationToken)
    {
        var description = Describe(database);
        var db = StorageSetup.Open(database, Path.GetTempPath());
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return new DataCopyEnds(db, db.Database.GetDbConnection(), description, database.IsPostgreSql);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw new DataCopyException($"{role} {description} cannot be opened: {Reason(e)}");
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<(List<string> Applied, List<string> Known)> MigrationsAsync(CancellationToken cancellationToken)
    {
        var applied = await Guard(() => Db.Database.GetAppliedMigrationsAsync(cancellationToken)).ConfigureAwait(false);
        return (applied.ToList(), Db.Database.GetMigrations().ToList());
    }
}
