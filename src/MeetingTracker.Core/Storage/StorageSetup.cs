using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Registers the database: SQLite in the data folder by default (WAL, so readers never wait for the harvester), or
/// PostgreSQL when <see cref="DatabaseOptions"/> say so (ADR 19).
/// </summary>
public static class StorageSetup
{
    public const string DatabaseFileName = "meetingtracker.db";

    /// <summary>
    /// The data folder when none is configured: <c>~/.local/share/meetingtracker</c> on Linux (the platform's local
    /// application data folder elsewhere), shared by the web host and the CLI.
    /// </summary>
    public static string DefaultDataDir()
    {
        var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(appData.Length > 0 ? appData : Path.GetTempPath(), "meetingtracker");
    }

    /// <summary>The assembly of PostgreSQL's migrations (SQLite's are in this one).</summary>
    public const string PostgreSqlMigrationsAssembly = "MeetingTracker.Storage.PostgreSql";

    /// <summary>The SQLite database of a data folder.</summary>
    public static string ConnectionString(string dataDir) => SqliteConnectionString(Path.Combine(dataDir, DatabaseFileName));

    public static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    /// <summary>The SQLite file these options name, or the data folder's.</summary>
    public static string SqliteFile(DatabaseOptions database, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(database);
        return string.IsNullOrWhiteSpace(database.ConnectionString)
            ? Path.Combine(Path.GetFullPath(dataDir), DatabaseFileName)
            : Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
    }

    public static IServiceCollection AddTrackerStorage(this IServiceCollection services, string dataDir, DatabaseOptions? database = null)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        database ??= DatabaseOptions.Default;
        if (database.Problem() is { } problem) throw new InvalidOperationException(problem);
        services.AddSingleton(database);

        // Pooled: a page opens several short contexts, and a context reset costs less than a new one.
        // The host's own interceptors (the page cache hears of committed writes) come from the container.
        services.AddPooledDbContextFactory<TrackerDb>((sp, o) => Configure(o, database, dataDir)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        return services;
    }

    /// <summary>Options of a context over <paramref name="database"/> (tools and tests that build one by hand).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions database, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        return database.IsPostgreSql
            ? options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly))
            : options.UseSqlite(SqliteConnectionString(SqliteFile(database, dataDir))).AddInterceptors(SqlitePragmas.Instance);
    }

    /// <summary>A context over <paramref name="database"/>, outside a container.</summary>
    public static TrackerDb Open(DatabaseOptions database, string dataDir)
    {
        var options = new DbContextOptionsBuilder<TrackerDb>();
        Configure(options, database, dataDir);
        return new TrackerDb(options.Options);
    }

    /// <summary>
    /// Creates the data folder, applies migrations and switches a SQLite file to WAL. Safe to call on every start, and
    /// from several nodes at once: on PostgreSQL an advisory lock lets one apply them while the others wait.
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<TrackerDb> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file })
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }

        if (db.Database.IsNpgsql())
        {
            // EF Core's own migration lock did not keep two nodes starting at once on an empty database apart (one failed
            // with 'index "IX_Meetings_Indexed" does not exist', MultiNodeTests): a session advisory lock around the
            // whole migration does, on a connection of its own (not pooled, so the session ends with it). That session
            // needs the database: a server without it gets it first, as EF Core's own migration would make it.
            await CreateIfMissingAsync(db, cancellationToken).ConfigureAwait(false);
            await using var guard = AdvisoryLocks.Session(db.Database.GetConnectionString()!);
            await guard.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(@key)", guard))
            {
                take.Parameters.AddWithValue("key", AdvisoryLocks.Key("migrate"));
                await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    // Two nodes starting at once on a server without the database both find it missing: the one that creates it second
    // is told it exists (42P04), which is what it wanted.
    private static async Task CreateIfMissingAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken).ConfigureAwait(false)) return;
        try
        {
            await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }
}
