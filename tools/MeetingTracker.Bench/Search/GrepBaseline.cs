using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Core.Search;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// Baseline B: <c>grep -r -i -l -F</c> over the raw server's <c>.log.txt</c> files (the lines the index holds), a
/// child process per search, for the queries the mix gives a plain pattern (single words and phrases). Its "meetings"
/// are the files listed. <c>LC_ALL=C.UTF-8</c> so that -i folds non-ASCII letters.
/// </summary>
public static class GrepBaseline
{
    public const string Grep = "/usr/bin/grep";

    public static Task<Latencies> RunAsync(string tree, IReadOnlyList<BenchQuery> queries, int rounds, CancellationToken cancellationToken)
    {
        var work = queries.Where(q => q.Grep is not null).Select(q => (q, SearchOrder.Relevance)).ToList();
        // One untimed pass: the page cache holds the tree, as it does for the engines.
        return MeasuredLoop.RunAsync("grep -r", work, warmup: 1, rounds, (q, _, ct) => ValueTask.FromResult(Run(tree, q.Grep!, ct)), cancellationToken);
    }

    public static string Version()
    {
        using var process = Process.Start(new ProcessStartInfo(Grep, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var first = process.StandardOutput.ReadLine() ?? "grep";
        process.WaitForExit();
        return first;
    }

    private static SearchOutcome Run(string tree, string pattern, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(Grep)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-r", "-i", "-l", "-F", "--include=*.log.txt", "-e", pattern, tree }) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Grep}");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var files = 0;
        while (process.StandardOutput.ReadLine() is not null) files++;
        process.WaitForExit();
        if (process.ExitCode > 1) throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"grep '{pattern}' exited with {process.ExitCode}: {error.Result}"));
        return new SearchOutcome(files, files, null, 0);
    }
}
