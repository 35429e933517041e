using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Storage;

namespace MeetingTracker.Web.Tests.MultiNode;

/// <summary>
/// One web node of a multi-node installation (issue 16): the built host run with <c>dotnet exec</c> and the test host's
/// runtime and dependency files, as <c>SigtermTests</c> does, on a shared PostgreSQL database and a data folder (search
/// index) of its own, with the source scheduled every minute. Its output kept; disposing kills it if it still runs.
/// </summary>
internal sealed partial class MultiNodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MultiNodeProcess(string name, string dataDir, Process process)
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

    public static MultiNodeProcess Start(string name, DatabaseOptions database, string dataDir, string sourceName, string logsDir, string schedule)
    {
        ArgumentNullException.ThrowIfNull(database);
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
                ["MeetingTracker__Database__Provider"] = database.Provider.ToString(),
                ["MeetingTracker__Database__ConnectionString"] = database.ConnectionString,
                ["MeetingTracker__Sources__0__Name"] = sourceName,
                ["MeetingTracker__Sources__0__Location"] = logsDir,
                ["MeetingTracker__Sources__0__Schedule"] = schedule,
                ["MeetingTracker__Sources__0__RequestsPerSecond"] = "0",
                ["MeetingTracker__Search__CatchUpSeconds"] = "1",
                ["MeetingTracker__Admins__0"] = "admin@example.org",
                ["Logging__LogLevel__Default"] = "Information",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
                ["Logging__Console__FormatterName"] = "simple",
                ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            },
        };
        var process = new Process { StartInfo = start };
        var node = new MultiNodeProcess(name, dataDir, process);
        process.OutputDataReceived += (_, e) => node.Line(e.Data);
        process.ErrorDataReceived += (_, e) => node.Line(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The address from the host's <c>Now listening on</c> line (120 s at most: two nodes start on a loaded machine).</summary>
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

    /// <summary>SIGKILL: the process dies at once, saying nothing (its harvest cannot mark its run).</summary>
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
