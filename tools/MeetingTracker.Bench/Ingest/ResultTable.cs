using System.Globalization;

namespace MeetingTracker.Bench.Ingest;

/// <summary>The summary of a run as a Markdown table, ready for docs/benchmarks.md.</summary>
public static class ResultTable
{
    public static void Print(BenchServer server, IReadOnlyList<Measurement> rows, Measurement? folderImport, ReferenceOverhead? overhead, Measurement baseline, BenchEnvironment environment)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Server: {server.Meetings:N0} meetings (+{server.RenameStubs:N0} rename stubs), {server.Files:N0} files, {server.MiB:F1} MiB, {server.LogLines:N0} log lines ({server.Teams} teams × {server.Weeks} weeks, Fedora layout, seed 42)"));
        Console.WriteLine();
        Console.WriteLine("| step | runs | min (s) | median (s) | target | met | what it did |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var target = row.TargetSeconds is { } t ? string.Create(c, $"≤ {t:0} s") : string.Empty;
            var met = row.Met switch { true => "yes", false => "**no**" + (row.Failure is { } f ? $" ({f})" : string.Empty), null => string.Empty };
            if (overhead is not null && ReferenceEquals(row, overhead.Off))
            {
                // This row's target is the one on what extraction adds: the import with it at most 10 % slower.
                target = string.Create(c, $"import ≤ +{ReferenceOverhead.TargetPercent:0} %");
                met = string.Create(c, $"{(overhead.Met ? "yes" : "**no**")} ({overhead.Percent:+0.0;−0.0;0.0} %)");
            }

            Console.WriteLine(string.Create(c, $"| {row.Name} | {row.Runs} | {row.Min:F2} | {row.Median:F2} | {target} | {met} | {row.Notes} |"));
        }

        Console.WriteLine();
        if (folderImport is null)
        {
            Console.WriteLine("Imports reused from a kept run (--reuse): not timed in this one, nor the import with references off (no reference extraction overhead)");
        }
        else
        {
            var import = folderImport.Median;
            Console.WriteLine(string.Create(c, $"Folder import (median): {server.Meetings / import:N0} meetings/s, {server.LogLines / import:N0} log lines/s, {server.MiB / import:F1} MiB/s"));
            Console.WriteLine(string.Create(c, $"Ratio folder import / sqlite3 import (medians): {import / baseline.Median:F1}"));
            if (overhead is not null) Console.WriteLine(overhead.Line());
        }

        Console.WriteLine(string.Create(c, $"Environment: {environment.Cpu}, {environment.Cores} cores, {environment.Runtime}, {environment.Os}, {environment.Date:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine($"Load: at start {environment.Load}; at end {environment.LoadAfter}");
    }
}
