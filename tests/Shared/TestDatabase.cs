using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeetingTracker.Tests.Shared;

/// <summary>
/// The database provider the suite runs on (issue 16): SQLite in each data folder by default; PostgreSQL when
/// <c>MEETINGTRACKER_TEST_POSTGRES</c> holds a connection string to a server the tests may create databases on
/// (tools/test.sh starts one and runs the Core and Web suites a second time with it). Every data folder a test makes then
/// gets its own database, cloned from a migrated template, so tests stay as apart as their folders are. Compiled into
/// each test project (tests/Shared).
/// </summary>
internal static class TestDatabase
{
    /// <summary>The environment variable naming the PostgreSQL server (an Npgsql connection string, any database).</summary>
    public const string Variable = "MEETINGTRACKER_TEST_POSTGRES";

    /// <summary>The trait of tests about SQLite itself (its online backup, its file): left out of the PostgreSQL pass.</summary>
    public const string SqliteOnly = "Sqlite";

    private static readonly ConcurrentDictionary<string, Lazy<DatabaseOptions>> Databases = new(StringComparer.Ordinal);
    private static readonly Lazy<string> Template = new(CreateTemplate);

    private static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgreSql => Server is not null;

    public static DatabaseProvider Provider => IsPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    /// <summary>
    /// The database of <paramref name="dataDir"/>: the folder's SQLite file, or (PostgreSQL) a database of its own made
    /// on first use, the same for every later call with the same folder (a restarted host finds its data).
    /// </summary>
    public static DatabaseOptions For(string dataDir)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        if (Server is null) return DatabaseOptions.Default;
        var full = Path.GetFullPath(dataDir).TrimEnd(Path.DirectorySeparatorChar);
        return Databases.GetOrAdd(full, f => new Lazy<DatabaseOptions>(() => Create(NameOf(f)))).Value;
    }

    /// <summary>
    /// Gives <paramref name="dataDir"/> a database never set up, as a folder without a SQLite file is (PostgreSQL; nothing
    /// to do on SQLite): what a verb that must not create one meets. Call before anything else uses the folder.
    /// </summary>
    public static void Unmigrated(string dataDir)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        if (Server is null) return;
        var full = Path.GetFullPath(dataDir).TrimEnd(Path.DirectorySeparatorChar);
        var name = NameOf(full);
        var made = new Lazy<DatabaseOptions>(() =>
        {
            Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            Admin($"CREATE DATABASE \"{name}\"");
            return new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionTo(name) };
        });
        if (!Databases.TryAdd(full, made)) throw new InvalidOperationException($"{dataDir} already has its database");
    }

    /// <summary>Whether <paramref name="dataDir"/>'s database was set up: its SQLite file exists, or it has migrations applied.</summary>
    public static bool IsSetUp(string dataDir)
    {
        if (Server is null) return File.Exists(Path.Combine(dataDir, StorageSetup.DatabaseFileName));
        using var db = Open(dataDir);
        return db.Database.GetAppliedMigrations().Any();
    }

    /// <summary>The settings that point a host (configuration keys) at <paramref name="dataDir"/>'s database.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(string dataDir, string separator = ":")
    {
        var database = For(dataDir);
        yield return new($"MeetingTracker{separator}Database{separator}Provider", database.Provider.ToString());
        if (database.ConnectionString is { } connection) yield return new($"MeetingTracker{separator}Database{separator}ConnectionString", connection);
    }

    /// <summary>A context over <paramref name="dataDir"/>'s database, outside any host.</summary>
    public static TrackerDb Open(string dataDir) => StorageSetup.Open(For(dataDir), dataDir);

    /// <summary>
    /// Drops the PostgreSQL databases made for <paramref name="folder"/> and the data folders inside it (a test's folder is
    /// going away).
    /// </summary>
    public static void Drop(string folder)
    {
        if (Server is null) return;
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var cleared = false;
        foreach (var dataDir in Databases.Keys.Where(k => k == full || k.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            if (!Databases.TryRemove(dataDir, out var made) || !made.IsValueCreated) continue;
            if (!cleared) NpgsqlConnection.ClearAllPools();
            cleared = true;
            Admin($"DROP DATABASE IF EXISTS \"{NameOf(dataDir)}\" WITH (FORCE)");
        }
    }

    private static string NameOf(string folder)
        => "mt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)).AsSpan(0, 10));

    private static DatabaseOptions Create(string name)
    {
        var template = Template.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                Admin($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another test process is cloning or making the template this moment.
                Thread.Sleep(100 * attempt);
            }
        }

        return new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionTo(name) };
    }

    /// <summary>
    /// A database migrated to the current model, named by its last migration, made once for every test process (the
    /// Core and Web suites run at once: an advisory lock keeps them from making it twice).
    /// </summary>
    private static string CreateTemplate()
    {
        string last;
        using (var probe = StorageSetup.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionTo("postgres") }, Path.GetTempPath()))
        {
            last = probe.Database.GetMigrations().Last();
        }

        var name = "mt_template_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(last)).AsSpan(0, 6));
        using var admin = new NpgsqlConnection(ConnectionTo("postgres"));
        admin.Open();
        Execute(admin, "SELECT pg_advisory_lock(4242)");
        try
        {
            if (Scalar(admin, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'") is 0L)
            {
                Execute(admin, $"CREATE DATABASE \"{name}\"");
                using (var db = StorageSetup.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionTo(name) }, Path.GetTempPath()))
                {
                    db.Database.Migrate();
                }

                // No connection may stay open on a template while it is cloned.
                NpgsqlConnection.ClearAllPools();
            }
        }
        finally
        {
            Execute(admin, "SELECT pg_advisory_unlock(4242)");
        }

        return name;
    }

    private static string ConnectionTo(string database)
        => new NpgsqlConnectionStringBuilder(Server) { Database = database, IncludeErrorDetail = true }.ToString();

    private static void Admin(string sql)
    {
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionTo("postgres")) { Pooling = false }.ToString());
        admin.Open();
        Execute(admin, sql);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
