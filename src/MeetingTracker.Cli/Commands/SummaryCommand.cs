using System.CommandLine;
using System.Globalization;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>summary [DIR]</c>: reads every meetbot file under DIR (default: the bundled sample-logs), groups them into
/// meetings and prints per team what was met, decided and assigned. The main job until the web host exists.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create(TextWriter stdout)
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A meetbot server folder.", DefaultValueFactory = _ => new DirectoryInfo(DefaultSampleLogs()) };
        dir.AcceptExistingOnly();
        var command = new Command("summary", "Read a folder of meetbot output and print a readable summary per team.") { dir };
        command.SetAction((result, token) => Task.FromResult(Execute(result.GetRequiredValue(dir), stdout, token)));
        return command;
    }

    private static int Execute(DirectoryInfo dir, TextWriter stdout, CancellationToken cancellationToken)
    {
        var meetings = MeetingCollector.Collect(dir.FullName, cancellationToken);
        stdout.WriteLine(SummaryFormatter.Format(dir.FullName, meetings));
        return meetings.Failures.Count == 0 ? 0 : 1;
    }

    /// <summary>sample-logs/ of the repository, found by walking up from the working directory.</summary>
    private static string DefaultSampleLogs()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "sample-logs");
            if (Directory.Exists(candidate)) return candidate;
        }

        return Path.Combine(Environment.CurrentDirectory, "sample-logs");
    }
}
