using System.Globalization;

namespace MeetingTracker.Bench.Load;

/// <summary>
/// The resident memory of one process (<c>/proc/PID/status</c> VmRSS), read every second until disposed; the maximum
/// of each phase named by <see cref="Phase"/> is kept.
/// </summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, long> maxima = new(StringComparer.Ordinal);
    private readonly Task loop;
    private string phase = "start";

    public RssSampler(int pid)
    {
        this.pid = pid;
        loop = Task.Run(SampleAsync);
    }

    /// <summary>The phase the next samples belong to.</summary>
    public string Phase
    {
        get { lock (maxima) return phase; }
        set { lock (maxima) phase = value; }
    }

    /// <summary>The largest sample of a phase, in MiB (0 when none).</summary>
    public double MaxMiB(string name)
    {
        lock (maxima) return maxima.GetValueOrDefault(name) / 1024.0;
    }

    /// <summary>The largest sample of all, in MiB.</summary>
    public double OverallMaxMiB()
    {
        lock (maxima) return maxima.Values.DefaultIfEmpty(0).Max() / 1024.0;
    }

    /// <summary>VmRSS in KiB, or null when the process is gone.</summary>
    public static long? ReadKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                if (ReadKiB(pid) is { } kib)
                {
                    lock (maxima) maxima[phase] = Math.Max(maxima.GetValueOrDefault(phase), kib);
                }
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
