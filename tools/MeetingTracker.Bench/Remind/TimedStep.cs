using System.Diagnostics;
using MeetingTracker.Bench.Ingest;

namespace MeetingTracker.Bench.Remind;

/// <summary>
/// One measured step: its times (<see cref="Measurement"/>), the highest peak working set of its runs and what its
/// last run allocated. Before each run the heap is collected and the kernel's peak-RSS mark reset
/// (<c>/proc/self/clear_refs</c>), so the peak is the step's own, not the corpus preparation's.
/// </summary>
public sealed class TimedStep(string name, double? targetSeconds = null)
{
    public Measurement Times { get; } = new(name, targetSeconds);

    /// <summary>The highest peak working set of the runs, in bytes (of the whole process while the step ran).</summary>
    public long PeakBytes { get; private set; }

    /// <summary>Whether the peak was reset before each run (Linux); otherwise it is the process's peak so far.</summary>
    public bool PeakIsOwn { get; private set; } = true;

    /// <summary>Bytes the last run allocated on the managed heap.</summary>
    public long AllocatedBytes { get; private set; }

    public async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        PeakIsOwn &= ResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        var result = await action();
        var elapsed = Stopwatch.GetElapsedTime(start);
        AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        PeakBytes = Math.Max(PeakBytes, Peak());
        Times.Add(elapsed);
        return result;
    }

    /// <summary>The process's peak working set so far (VmHWM on Linux).</summary>
    public static long Peak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
