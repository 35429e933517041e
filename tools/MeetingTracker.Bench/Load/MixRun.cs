using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MeetingTracker.Bench.Http;

namespace MeetingTracker.Bench.Load;

/// <summary>One wrk run of the mix: the http suite's figures plus the maximum, the time-outs and the non-2xx/3xx apart.</summary>
public sealed record MixResult(WrkResult Wrk, double MaxMs, long Timeouts, long NonSuccess, DateTimeOffset Started, DateTimeOffset Ended)
{
    /// <summary>Socket errors other than time-outs (connect, read, write) and non-2xx/3xx answers.</summary>
    public long Errors => Wrk.Errors - Timeouts;
}

/// <summary>Runs wrk with the mix's Lua script, one thread (the host needs the other core more), 10 s time-out.</summary>
public static partial class MixRun
{
    public const int TimeoutSeconds = 10;

    /// <param name="header">Another header for every request (<c>Host: …</c> through nginx), or null.</param>
    public static async Task<MixResult> RunAsync(Uri site, string script, int connections, int seconds, CancellationToken cancellationToken, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        var start = new ProcessStartInfo(Wrk.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", $"{TimeoutSeconds}s", "--latency", "-s", script, site.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        var started = TimeProvider.System.GetUtcNow();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var ended = TimeProvider.System.GetUtcNow();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk exited {process.ExitCode}: {error}{output}");
        return Parse(output, started, ended);
    }

    public static MixResult Parse(string report, DateTimeOffset started, DateTimeOffset ended)
    {
        var wrk = Wrk.Parse(report);
        var max = LatencyLine().Match(report) is { Success: true } m ? Wrk.Duration(m.Groups[1].Value) : double.NaN;
        var timeouts = SocketTimeouts().Match(report) is { Success: true } t ? long.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var non = NonSuccess().Match(report) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new MixResult(wrk, max, timeouts, non, started, ended);
    }

    // "    Latency   112.31ms   80.12ms   1.92s    75.00%": average, deviation, maximum.
    [GeneratedRegex(@"^\s+Latency\s+\S+\s+\S+\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"Socket errors: connect \d+, read \d+, write \d+, timeout (\d+)")]
    private static partial Regex SocketTimeouts();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
