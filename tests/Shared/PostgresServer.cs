using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MeetingTracker.Core.Storage;
using MeetingTracker.Tests.Shared;
using Npgsql;

namespace MeetingTracker.Tests.Servers;

/// <summary>
/// A PostgreSQL server for tests that need one whatever engine the suite runs on (copy-data copies between engines): the
/// one <c>MEETINGTRACKER_TEST_POSTGRES</c> names, else a throwaway Debian PostgreSQL 15 started on first use in a
/// temporary folder (<c>initdb</c>, <c>pg_ctl</c>; as the <c>postgres</c> user when run as root) and stopped when the
/// assembly's tests end. Shared by the assembly (<c>[assembly: AssemblyFixture]</c>); compiled into each test project.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly Lazy<string> server;
    private readonly List<string> databases = [];
    private string? folder;

    public PostgresServer() => server = new Lazy<string>(Start);

    /// <summary>A new, empty database on the server (dropped when the assembly's tests end).</summary>
    public DatabaseOptions NewDatabase()
    {
        var database = MissingDatabase();
        Admin($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(database.ConnectionString).Database}\"");
        return database;
    }

    /// <summary>A database the server does not have yet (dropped, if something made it, when the assembly's tests end).</summary>
    public DatabaseOptions MissingDatabase()
    {
        var name = "mt_test_" + Guid.NewGuid().ToString("N")[..12];
        lock (databases) databases.Add(name);
        return new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(server.Value) { Database = name, IncludeErrorDetail = true }.ToString(),
        };
    }

    /// <summary>A server connection string whose port nothing listens on.</summary>
    public static string Unreachable() => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = FreePort(), Username = "postgres", Database = "postgres", Timeout = 5 }.ToString();

    public ValueTask DisposeAsync()
    {
        if (!server.IsValueCreated) return ValueTask.CompletedTask;
        NpgsqlConnection.ClearAllPools();
        if (folder is null)
        {
            foreach (var name in databases) Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        else
        {
            Run(true, $"{Bin}/pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "immediate", "stop");
            Directory.Delete(folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private string Start()
    {
        if (Environment.GetEnvironmentVariable(TestDatabase.Variable) is { Length: > 0 } given) return given;
        folder = Path.Combine(Path.GetTempPath(), "mt-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var root = Environment.UserName == "root";
        if (root) Run(false, "chown", "postgres", folder);
        var port = FreePort();
        var data = Path.Combine(folder, "data");
        Run(root, $"{Bin}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8");
        Run(root, $"{Bin}/pg_ctl", "-D", data, "-o", $"-k {folder} -h 127.0.0.1 -p {port} -c fsync=off", "-l", Path.Combine(folder, "log"), "-w", "start");
        return new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres" }.ToString();
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.Value) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(bool asPostgres, string program, params string[] args)
    {
        // pg_ctl's server would inherit redirected pipes and hold them open: its output goes to the terminal (and -l's log).
        var capture = !program.EndsWith("pg_ctl", StringComparison.Ordinal);
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = capture, RedirectStandardError = capture };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }

        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = capture ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
        var error = capture ? process.StandardError.ReadToEnd() : "";
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {error} {output.Result}");
    }
}
