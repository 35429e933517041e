using MeetingTracker.Cli.Commands;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>
/// On PostgreSQL, <c>backup</c> and <c>restore</c> (which copy SQLite files) refuse with the way to do it there (pg_dump,
/// pg_restore) and touch nothing. Runs in both passes: the refusal comes before any connection.
/// </summary>
public sealed class BackupOnPostgreSqlTests
{
    private static readonly Dictionary<string, string?> PostgreSql = new(StringComparer.Ordinal)
    {
        ["MeetingTracker__Database__Provider"] = "PostgreSql",
        ["MeetingTracker__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody",
    };

    [Fact]
    public void Backup_and_restore_on_PostgreSQL_are_usage_errors_that_name_pg_dump_and_write_nothing()
    {
        using var work = new TempDir();
        var file = Path.Combine(work.Path, "copy.db");

        var backup = CliRunner.RunWith(PostgreSql, "backup", "--to", file);
        var restore = CliRunner.RunWith(PostgreSql, "restore", work.Write("some.db", "x"), "--data", Path.Combine(work.Path, "data"));

        Assert.Equal((2, $"meetingtracker: {BackupCommand.PostgreSqlMessage}"), (backup.Exit, backup.Stderr.Trim()));
        Assert.Equal((2, $"meetingtracker: {BackupCommand.PostgreSqlMessage}"), (restore.Exit, restore.Stderr.Trim()));
        Assert.Contains("pg_dump", BackupCommand.PostgreSqlMessage, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(Directory.Exists(Path.Combine(work.Path, "data")));
    }

    [Fact]
    public void A_PostgreSQL_provider_without_a_connection_string_is_a_usage_error_that_says_so()
    {
        using var work = new TempDir();

        var run = CliRunner.RunWith(new Dictionary<string, string?> { ["MeetingTracker__Database__Provider"] = "PostgreSql", ["MeetingTracker__Database__ConnectionString"] = "" }, "runs", "--data", work.Path);

        Assert.Equal(2, run.Exit);
        Assert.Contains("MeetingTracker:Database:ConnectionString is required", run.Stderr, StringComparison.Ordinal);
    }
}
