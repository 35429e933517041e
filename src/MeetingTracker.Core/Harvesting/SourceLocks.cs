using MeetingTracker.Core.Storage;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// One harvest of a source at a time, across processes (web host, CLI) and, on PostgreSQL, across nodes. On SQLite an
/// exclusive lock file per source in the data folder; on PostgreSQL a session advisory lock held on a connection of its
/// own for the run (ADR 19). Either is dropped when its process dies (the file's handle closes, the server ends the
/// session), so a killed harvest never blocks the next one.
/// </summary>
public sealed class SourceLocks(string folder, DatabaseOptions? database = null)
{
    /// <summary>The locks of the installation in <paramref name="dataDir"/> (its lock files in <c>{dataDir}/locks</c>).</summary>
    public static SourceLocks For(string dataDir, DatabaseOptions? database = null)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        return new SourceLocks(Path.Combine(Path.GetFullPath(dataDir), "locks"), database);
    }

    /// <summary>Takes the source's lock, or throws <see cref="HarvestBusyException"/> when another harvest holds it.</summary>
    public IDisposable Acquire(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        return database is { IsPostgreSql: true } ? AcquireAdvisory(sourceName, database.ConnectionString!) : AcquireFile(sourceName);
    }

    private FileStream AcquireFile(string sourceName)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, sourceName + ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e)
        {
            throw new HarvestBusyException($"source '{sourceName}' is being harvested by another run", e);
        }
    }

    private static Npgsql.NpgsqlConnection AcquireAdvisory(string sourceName, string connectionString)
    {
        // Not pooled: the lock is the session's, and closing this connection must end the session (a pooled one would
        // go back to the pool still holding it if the unlock failed).
        var connection = AdvisoryLocks.Session(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_try_advisory_lock(@key)";
            command.Parameters.AddWithValue("key", AdvisoryLocks.Key("harvest:" + sourceName));
            if (command.ExecuteScalar() is true) return connection;
            throw new HarvestBusyException($"source '{sourceName}' is being harvested by another run (on this or another node)");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}

/// <summary>Another harvest of the same source is running.</summary>
public sealed class HarvestBusyException : Exception
{
    public HarvestBusyException()
    {
    }

    public HarvestBusyException(string message)
        : base(message)
    {
    }

    public HarvestBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
