using System.CommandLine;
using MeetingTracker.Core.Storage;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>copy-data --from SOURCE --to TARGET [--batch N] [--verify-only]</c>: an installation moved between databases of
/// either engine (issue 16; <see cref="DataCopy"/>), then compared table by table. Exit 0 copied and verified, 1 refused
/// or failed (nothing written) or a difference found, 2 a database named in neither form.
/// </summary>
internal static class CopyDataCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string>("--from") { Description = "The database to copy: sqlite:PATH (a file or a data folder) or postgres:CONNECTION-STRING.", Required = true };
        var to = new Option<string>("--to") { Description = "The database to fill, migrated first, which must be empty: sqlite:PATH or postgres:CONNECTION-STRING.", Required = true };
        var batch = new Option<int>("--batch") { Description = "Rows per statement written (a COPY on PostgreSQL, an INSERT on SQLite).", DefaultValueFactory = _ => DataCopy.DefaultBatch };
        var verifyOnly = new Option<bool>("--verify-only") { Description = "Copy nothing: compare the two databases table by table." };
        var command = new Command("copy-data", "Copy every table of an installation to another database (SQLite or PostgreSQL), then verify it.") { from, to, batch, verifyOnly };
        command.SetAction(async (result, token) =>
        {
            DatabaseOptions source, target;
            try
            {
                source = DatabaseOptions.Parse(result.GetRequiredValue(from));
                target = DatabaseOptions.Parse(result.GetRequiredValue(to));
            }
            catch (FormatException e)
            {
                stderr.WriteLine($"meetingtracker: {e.Message}");
                return CliApp.UsageError;
            }

            if (result.GetValue(batch) < 1)
            {
                stderr.WriteLine("meetingtracker: --batch must be at least 1");
                return CliApp.UsageError;
            }

            try
            {
                var copy = result.GetValue(verifyOnly)
                    ? await DataCopy.VerifyAsync(source, target, token)
                    : await DataCopy.CopyAsync(source, target, result.GetValue(batch), t => stdout.WriteLine(t.Line), token);
                stdout.WriteLine(DataCopyResult.Header);
                foreach (var check in copy.Checks) stdout.WriteLine(check.Line);
                stdout.WriteLine(copy.Line);
                return copy.Verified ? 0 : 1;
            }
            catch (DataCopyException e)
            {
                stderr.WriteLine($"meetingtracker: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
