using System.CommandLine;
using MeetingTracker.Cli.Output;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Cli.Commands;

/// <summary><c>parse FILE...</c>: the JSON contract other tools rely on (see README "parse output").</summary>
internal static class ParseCommand
{
    public static Command Create(TextWriter stdout)
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Meetbot files (.log.txt, .log.html, .txt, .html, .moin.txt)." };
        var command = new Command("parse", "Parse meetbot files and print one JSON object per file, in order.") { files };
        command.SetAction(result => Execute(result.GetRequiredValue(files), stdout));
        return command;
    }

    private static int Execute(string[] files, TextWriter stdout)
    {
        var results = files.Select(f => (File: f, Result: MeetbotReader.ReadFile(f))).ToList();
        ParseJson.Write(stdout, results);
        return results.TrueForAll(r => r.Result.Ok) ? 0 : 1;
    }
}
