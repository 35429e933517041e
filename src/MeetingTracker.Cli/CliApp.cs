using System.CommandLine;
using MeetingTracker.Cli.Commands;

namespace MeetingTracker.Cli;

/// <summary>The <c>meetingtracker</c> command line. Exit codes: 0 success, 1 a file or check failed, 2 usage error.</summary>
public static class CliApp
{
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, Console.In, stdout, stderr);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, reading standard input (a password) from <paramref name="stdin"/>.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) => Run(args, stdin, stdout, stderr, environment: null);

    /// <summary>As above, with <paramref name="environment"/> variables laid over the process's (the tests' in-process runs).</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? environment)
    {
        var configuration = CliConfiguration.Build(environment);
        var root = new RootCommand("MeetingTracker: meetbot logs turned into accountability.")
        {
            ParseCommand.Create(stdout),
            ConformanceCommand.Create(stdout),
            SummaryCommand.Create(stdout),
            ImportCommand.Create(stdout, stderr, configuration),
            RunsCommand.Create(stdout, configuration),
            AliasCommand.Create(stdout, stderr, configuration),
            SearchCommand.Create(stdout, stderr, configuration),
            ReindexCommand.Create(stdout, stderr, configuration),
            UsersCommand.Create(stdin, stdout, stderr, configuration),
            ClaimsCommand.Create(stdout, stderr, configuration),
            TokensCommand.Create(stdout, stderr, configuration),
            RemindCommand.Create(stdout, stderr, configuration),
            MailCommand.Create(stdout, stderr, configuration),
            AgendaCommand.Create(stdout, stderr, configuration),
            BackupCommand.CreateBackup(stdout, stderr, configuration),
            BackupCommand.CreateRestore(stdout, stderr, configuration),
            MigrateCommand.Create(stdout, stderr, configuration),
            CopyDataCommand.Create(stdout, stderr),
        };

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine($"meetingtracker: {error.Message}");
            }

            stderr.WriteLine("Run 'meetingtracker --help' for usage.");
            return UsageError;
        }

        // Asynchronously: System.CommandLine turns SIGTERM and Ctrl+C into the actions' cancellation token only there (a
        // harvest then ends as interrupted, its meetings whole); the synchronous Invoke lets the signal go unheard.
        try
        {
            return result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }).GetAwaiter().GetResult();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // A setting the environment gives (MeetingTracker__…) that the web host would refuse at start too.
            stderr.WriteLine($"meetingtracker: {e.Message}");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            // What System.CommandLine's own handler answers (it is off so that the case above can be told apart).
            return 130;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"Unhandled exception: {e}");
            return 1;
        }
    }
}
