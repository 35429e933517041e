using System.Runtime.InteropServices;

namespace MeetingTracker.Bench.Ingest;

/// <summary>Where the figures were measured, printed under the table so it can be pasted with them.</summary>
public sealed record BenchEnvironment(string Cpu, int Cores, string Runtime, string Os, DateTimeOffset Date, string Load)
{
    public string? LoadAfter { get; init; }

    public static BenchEnvironment Capture() => new(
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        TimeProvider.System.GetUtcNow(),
        LoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages: other processes on a 2-core machine make figures noisy.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

    private static string CpuModel()
        => File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
