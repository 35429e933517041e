using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Http;
using MeetingTracker.Core.Storage;
using Npgsql;

namespace MeetingTracker.Bench.Pg;

/// <summary>
/// A throwaway PostgreSQL 15 cluster (Debian's binaries) in <c>DIR/data</c>, run as the <c>postgres</c> user on a
/// free loopback port with trust authentication, fsync on (the default; nothing here turns it off). Needs root (to run
/// as postgres). Stopped with <c>-m immediate</c> on dispose (its folder is left for its log).
/// </summary>
public sealed class PgCluster : IDisposable
{
    public const string Bin = "/usr/lib/postgresql/15/bin";

    private PgCluster(string dir, int port)
    {
        Dir = dir;
        Port = port;
    }

    public string Dir { get; }

    public int Port { get; }

    public string DataDir => Path.Combine(Dir, "data");

    public static bool Available => File.Exists(Path.Combine(Bin, "initdb")) && Environment.UserName == "root";

    public static PgCluster Start(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        Run("chown", "postgres", dir);
        Run("runuser", "-u", "postgres", "--", Path.Combine(Bin, "initdb"), "-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8");
        var port = ServerProcess.FreePort();
        var cluster = new PgCluster(dir, port);
        Run("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", cluster.DataDir, "-o", $"-k {dir} -h 127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)}", "-l", Path.Combine(dir, "log"), "-w", "start");
        return cluster;
    }

    /// <summary>The postmaster's process id (first line of <c>postmaster.pid</c>).</summary>
    public int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(DataDir, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);

    /// <summary>CPU ticks of the postmaster and every server process of the cluster (its children), ended ones included.</summary>
    public long CpuTicks() => ProcCpu.TreeTicks(PostmasterPid);

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Database = database, Username = "postgres",
    }.ConnectionString;

    public DatabaseOptions Options(string database) => new() { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionString(database) };

    /// <summary>Drops <paramref name="database"/> if it exists (closing its sessions); the engine's migration creates it again.</summary>
    public async Task DropAsync(string database, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> SizeAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var size = new NpgsqlCommand("SELECT pg_database_size(@name)", connection);
        size.Parameters.AddWithValue("name", database);
        return (long)(await size.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var version = new NpgsqlCommand("SELECT version() || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', shared_buffers ' || current_setting('shared_buffers')", connection);
        return (string)(await version.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", DataDir, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {output}{error.Result}");
    }
}
