using System.CommandLine;
using MeetingTracker.Core.Storage;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>backup [--data DIR] --to FILE</c> and <c>restore FILE --data DIR [--force]</c>: a consistent copy of the
/// database while the web host runs, and that copy put back (see <see cref="DatabaseBackup"/>).
/// </summary>
internal static class BackupCommand
{
    /// <summary>What backup and restore answer on PostgreSQL, whose own tools do it better (ADR 19).</summary>
    public const string PostgreSqlMessage = "the database is PostgreSQL (MeetingTracker__Database__Provider): back it up with pg_dump -Fc and restore it with pg_restore (README, Backups); backup and restore copy SQLite files";

    public static Command CreateBackup(TextWriter stdout, TextWriter stderr, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var data = DataOption.Create();
        var to = new Option<FileInfo>("--to")
        {
            Description = "The backup's file (replaced when it exists, once the copy is whole).",
            Required = true,
        };
        var command = new Command("backup", "Copy the database (everything but the search index) to a file, while the web host runs.") { data, to };
        command.SetAction(async (result, token) =>
        {
            if (DatabaseOptions.From(configuration).IsPostgreSql)
            {
                stderr.WriteLine($"meetingtracker: {PostgreSqlMessage}");
                return CliApp.UsageError;
            }

            try
            {
                var backup = await DatabaseBackup.BackupAsync(result.GetRequiredValue(data).FullName, result.GetRequiredValue(to).FullName, token);
                stdout.WriteLine(backup.Line);
                return 0;
            }
            catch (BackupException e)
            {
                stderr.WriteLine($"meetingtracker: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    public static Command CreateRestore(TextWriter stdout, TextWriter stderr, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup made by 'meetingtracker backup' (or the nightly job)." };
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The data folder to restore into (created when missing).",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace the folder's database (kept beside as meetingtracker.db.before-restore)." };
        var command = new Command("restore", "Restore a backup as a data folder's database; the search index is rebuilt on the next start.") { file, data, force };
        command.SetAction(async (result, token) =>
        {
            if (DatabaseOptions.From(configuration).IsPostgreSql)
            {
                stderr.WriteLine($"meetingtracker: {PostgreSqlMessage}");
                return CliApp.UsageError;
            }

            try
            {
                var restore = await DatabaseBackup.RestoreAsync(result.GetRequiredValue(file).FullName, result.GetRequiredValue(data).FullName, result.GetValue(force), token);
                stdout.WriteLine(restore.Line);
                return 0;
            }
            catch (BackupException e)
            {
                stderr.WriteLine($"meetingtracker: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
