using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingTracker.Bench.Http;

/// <summary>One wrk run's figures, read from its <c>--latency</c> report.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, long Requests, long Errors);

/// <summary>Runs Debian's wrk (one thread: the server under test needs the other core more than wrk does).</summary>
public static partial class Wrk
{
    public const string Path = "/usr/bin/wrk";

    /// <param name="cookie">A <c>Cookie</c> header for every request (a signed-in user's session), or null.</param>
    /// <param name="header">Another header for every request (<c>If-None-Match: "..."</c> for a revisit), or null.</param>
    public static async Task<WrkResult> RunAsync(string url, int connections, int seconds, CancellationToken cancellationToken, string? cookie = null, string? header = null)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", "5s", "--latency", url }) start.ArgumentList.Add(arg);
        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + cookie);
        }

        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk exited {process.ExitCode}: {error}{output}");
        return Parse(output);
    }

    public static WrkResult Parse(string report)
    {
        double Percentile(string p) => Duration(Regex.Match(report, $@"^\s+{p}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value);
        var errors = 0L;
        if (NonSuccess().Match(report) is { Success: true } non) errors += long.Parse(non.Groups[1].Value, CultureInfo.InvariantCulture);
        if (SocketErrors().Match(report) is { Success: true } socket)
        {
            errors += socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(report).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile("50"),
            Percentile("90"),
            Percentile("99"),
            long.Parse(Requests().Match(report).Groups[1].Value, CultureInfo.InvariantCulture),
            errors);
    }

    /// <summary>A wrk duration (812.00us, 1.23ms, 2.01s or 1.00m) in milliseconds.</summary>
    public static double Duration(string text)
    {
        var match = DurationText().Match(text);
        if (!match.Success) throw new FormatException($"wrk duration '{text}'");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            var unit => throw new FormatException($"wrk unit '{unit}'"),
        };
    }

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m)$")]
    private static partial Regex DurationText();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
