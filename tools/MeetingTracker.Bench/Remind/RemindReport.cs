using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Ingest;

namespace MeetingTracker.Bench.Remind;

/// <summary>The figures of a run as a Markdown table, ready for docs/benchmarks.md, with where and how they were measured.</summary>
public sealed class RemindReport(
    RemindCorpus corpus, AccountSetup setup, TimedStep read, TimedStep compose, Measurement composeOnly, Measurement renderOnly, TimedStep signing, TimedStep queue, DateTimeOffset at)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public bool Met => compose.Times.Met == true;

    public void Print(BenchEnvironment environment, int runs)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Console.WriteLine();
        Console.WriteLine(corpus.Describe());
        Console.WriteLine(setup.Describe(at));
        Console.WriteLine(string.Create(C, $"{runs} timed runs of the read, the composition and the outbox run, after one untimed read and composition; the read and the composition alternate; signing alone once; the outbox runs last, the bench accounts' digests and messages removed before each"));
        Console.WriteLine();
        Console.WriteLine("| step | runs | min (s) | median (s) | peak working set (MiB) | allocated (MiB) | target | met | what it did |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|---|---|");
        Row(read);
        Row(compose);
        Row(composeOnly, null);
        Row(renderOnly, null);
        Row(signing);
        Row(queue);
        Console.WriteLine();
        var digests = Math.Max(1, setup.Accounts);
        Console.WriteLine(string.Create(C, $"Compose and render / read (medians): {compose.Times.Median / read.Times.Median:F1}×; {compose.Times.Median * 1000 / digests:F2} ms a digest; the outbox run {queue.Times.Median * 1000 / digests:F2} ms a digest"));
        Console.WriteLine(string.Create(C, $"Signing alone / rendering (medians): {signing.Times.Median / renderOnly.Median:P0} of the rendering, {signing.Times.Median / compose.Times.Median:P0} of compose and render"));
        var peaks = new[] { read, compose, queue }.All(s => s.PeakIsOwn) ? "each step's own (the kernel's mark reset before each run)" : "the process's so far (could not reset the kernel's mark)";
        Console.WriteLine($"Peak working set: {peaks}; process peak at the end {TimedStep.Peak() / 1_048_576.0:F0} MiB");
        Console.WriteLine($"Environment: {environment.Cpu}, {environment.Cores} cores shared with other work, {environment.Runtime}, {environment.Os}, {environment.Date:yyyy-MM-dd HH:mm} UTC, at {Commit()}");
        Console.WriteLine($"Load: at start {environment.Load}; at end {environment.LoadAfter}");
        Console.WriteLine(string.Create(C, $"compose ≤ {RemindSuite.TargetSeconds:0} s: {(Met ? "PASS" : "FAIL")} (median {compose.Times.Median:F2} s, {runs} runs)"));
    }

    private static void Row(TimedStep step) => Row(step.Times, step);

    private static void Row(Measurement times, TimedStep? step)
    {
        var target = times.TargetSeconds is { } t ? string.Create(C, $"≤ {t:0} s") : string.Empty;
        var met = times.Met switch { true => "yes", false => "**no**", null => string.Empty };
        var peak = step is null ? string.Empty : string.Create(C, $"{step.PeakBytes / 1_048_576.0:F0}");
        var allocated = step is null ? string.Empty : string.Create(C, $"{step.AllocatedBytes / 1_048_576.0:N0}");
        Console.WriteLine(string.Create(C, $"| {times.Name.Trim()} | {times.Runs} | {times.Min:F2} | {times.Median:F2} | {peak} | {allocated} | {target} | {met} | {times.Notes} |"));
    }

    /// <summary>The commit the bench was built from, when it runs inside the clone.</summary>
    private static string Commit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "describe --always --dirty --abbrev=7")
            {
                WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null) return "an unknown commit";
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : "an unknown commit";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "an unknown commit";
        }
    }
}
