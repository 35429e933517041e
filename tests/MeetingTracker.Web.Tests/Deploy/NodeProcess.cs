using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingTracker.Web.Tests.Deploy;

/// <summary>
/// One web node: the built host run with <c>dotnet exec</c> and the test host's runtime and dependency files, as
/// <c>SigtermTests</c> does, on SQLite in its own data folder; its output kept, each request logged by the host.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process) => this.process = process;

    public bool HasExited => process.HasExited;

    public string Output => string.Join(Environment.NewLine, lines.TakeLast(40));

    public static NodeProcess Start(string dataDir, string logsDir)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", "--runtimeconfig", Beside("MeetingTracker.Web.Tests.runtimeconfig.json"), "--depsfile", Beside("MeetingTracker.Web.Tests.deps.json"), app },
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["MeetingTracker__DataDir"] = dataDir,
                ["MeetingTracker__Sources__0__Name"] = "empty",
                ["MeetingTracker__Sources__0__Location"] = logsDir,
                ["MeetingTracker__Sources__0__Schedule"] = "0 3 * * *",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                // "Request starting HTTP/1.1 GET http://meetings.example.org/teams?probe=1 - - -": which node answered.
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
                ["Logging__Console__FormatterName"] = "simple",
                ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            },
        };
        var process = new Process { StartInfo = start };
        var node = new NodeProcess(process);
        process.OutputDataReceived += (_, e) => node.Line(e.Data);
        process.ErrorDataReceived += (_, e) => node.Line(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The address from the host's <c>Now listening on</c> line (60 s at most).</summary>
    public async Task<Uri> ListeningAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            return await listening.Task.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException("the node did not say where it listens within 60 s: " + Output);
        }
    }

    /// <summary>Whether the host logged a request whose URL holds <paramref name="fragment"/>, waiting up to 2 s for its log.</summary>
    public async Task<bool> LoggedRequestAsync(string fragment)
    {
        var waited = Stopwatch.StartNew();
        while (!lines.Any(l => l.Contains("Request starting", StringComparison.Ordinal) && l.Contains(fragment, StringComparison.Ordinal)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(2)) return false;
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return true;
    }

    /// <summary>Stops the node with SIGTERM, as systemd does, and waits for it to exit.</summary>
    public async Task TerminateAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private static string Beside(string file) => Path.Combine(AppContext.BaseDirectory, file);

    private void Line(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
