using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingTracker.Web.Tests;

/// <summary>
/// One web node as a real process: the built host run with <c>dotnet exec</c> and the test host's runtime and
/// dependency files (as <c>SigtermTests</c> does), in Production, on a free loopback port, over its own data folder, with
/// the settings the caller gives as environment variables (<c>MeetingTracker__…</c>, <c>Logging__…</c>). Its output is
/// kept; disposing kills it if it still runs. Used by the deploy tests (nodes behind nginx) and the multi-node tests.
/// </summary>
public sealed partial class WebNodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebNodeProcess(string name, string dataDir, Process process)
    {
        Name = name;
        DataDir = dataDir;
        this.process = process;
    }

    public string Name { get; }

    public string DataDir { get; }

    public bool HasExited => process.HasExited;

    public string Output => $"[{Name}]" + Environment.NewLine + string.Join(Environment.NewLine, lines.TakeLast(60));

    public bool Said(string fragment) => lines.Any(l => l.Contains(fragment, StringComparison.Ordinal));

    public static WebNodeProcess Start(string name, string dataDir, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(dataDir);
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
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                ["Logging__Console__FormatterName"] = "simple",
                ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            },
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var node = new WebNodeProcess(name, dataDir, process);
        process.OutputDataReceived += (_, e) => node.Line(e.Data);
        process.ErrorDataReceived += (_, e) => node.Line(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The address from the host's <c>Now listening on</c> line (120 s at most: nodes start together on a loaded machine).</summary>
    public async Task<Uri> ListeningAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            return await listening.Task.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException("the node did not say where it listens within 120 s: " + Output);
        }
    }

    public async Task<HttpClient> ClientAsync() => new() { BaseAddress = await ListeningAsync(), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// Whether the host logged a request whose URL holds <paramref name="fragment"/> (with
    /// <c>Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information</c>), waiting up to 2 s for its log.
    /// </summary>
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

    /// <summary>SIGKILL: the process dies at once, saying nothing (a harvest it runs cannot mark its run).</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
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
