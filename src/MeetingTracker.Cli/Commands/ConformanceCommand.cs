using System.CommandLine;
using MeetingTracker.Core.Meetbot.Conformance;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>conformance DIR [--known FILE]</c>: checks every meeting under DIR against its own HTML minutes, the writer
/// against every complete set of four files, every moin minutes against the logs and every vote against the bot's
/// announcement, and prints each disagreement. Disagreements listed in the known-defects
/// file (genuine defects of the source files, each with its reason) are printed as KNOWN and do not fail the run.
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(TextWriter stdout)
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A folder of meetbot output (searched recursively)." };
        dir.AcceptExistingOnly();
        var known = new Option<FileInfo>("--known") { Description = "Tab-separated list of known source defects: meeting, kind, check, reason." };
        known.AcceptExistingOnly();
        var command = new Command("conformance", "Check the readers against MeetBot's own HTML minutes for every meeting under DIR.") { dir, known };
        command.SetAction((result, token) => Task.FromResult(Execute(result.GetRequiredValue(dir), result.GetValue(known), stdout, token)));
        return command;
    }

    private static int Execute(DirectoryInfo dir, FileInfo? knownFile, TextWriter stdout, CancellationToken cancellationToken)
    {
        var known = knownFile is null ? [] : KnownDefects.Load(knownFile.FullName);
        var report = ConformanceChecker.Check(dir.FullName, cancellationToken);
        var writer = WriterConformance.Check(dir.FullName, out var written, cancellationToken);
        var moin = MoinConformance.Check(dir.FullName, out var moinChecks, out var moinFiles, cancellationToken);
        var votes = VoteConformance.Check(dir.FullName, out var voteChecks, cancellationToken);
        var unknown = 0;
        foreach (var d in report.Disagreements.Concat(writer).Concat(moin).Concat(votes))
        {
            if (known.TryGetValue((d.Meeting, d.Kind, d.Check), out var reason))
            {
                stdout.WriteLine($"KNOWN    {d}  -- source defect: {reason}");
            }
            else
            {
                unknown++;
                stdout.WriteLine($"DISAGREE {d}");
            }
        }

        var knownCount = report.Disagreements.Count + writer.Count + moin.Count + votes.Count - unknown;
        stdout.WriteLine($"writer: {written - writer.Count}/{written} files written byte for byte from their own logs (.log.txt, or the log a meetingology file embeds)");
        stdout.WriteLine($"moin: {moinChecks - moin.Count}/{moinChecks} checks over {moinFiles} moin minutes (each summary in the replay of its own log; beside a log, the same topics, items, votes and people)");
        stdout.WriteLine($"votes: {voteChecks - votes.Count}/{voteChecks} votes counted as the bot announced them after #endvote");
        stdout.WriteLine($"agree: {report.Agreed}/{report.Checks} checks over {report.Meetings} meetings ({report.FilesFailed} files failed to parse; {knownCount} known source defects, {unknown} unexplained)");
        return unknown == 0 && report.Checks > 0 ? 0 : 1;
    }
}
