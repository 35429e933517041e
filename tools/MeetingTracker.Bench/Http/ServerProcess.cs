using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MeetingTracker.Bench.Http;

/// <summary>A server started as a child process, killed with its children on dispose; its output is kept for errors.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process) => this.process = process;

    /// <summary>The started process's id (for <c>/proc</c>).</summary>
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static ServerProcess Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>A port free on 127.0.0.1 right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, or fails with the server's output.</summary>
    public async Task WaitUntilServingAsync(Uri url, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"server exited {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }

            if (watch.Elapsed > limit) throw new TimeoutException($"{url} not serving after {limit}:\n{Output}");
            await Task.Delay(500, cancellationToken);
        }
    }

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            if (output.Length < 200_000) output.AppendLine(line);
        }
    }
}
