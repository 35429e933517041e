extern alias loggen;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Jobs;

/// <summary>
/// Issue 14 with the web host as a real process sent a real SIGTERM (<c>kill -TERM</c>), over real SQLite files: during
/// its start-up harvest and during the rebuild of its search index, it stops within 10 s of the signal, leaves nothing
/// half-written, and the next start over the same folders finishes the work.
/// </summary>
public sealed partial class SigtermTests
{
    private const string SourceName = "gen";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// SIGTERM once the harvest the host starts with is running: the process exits within 10 s, the run is marked
    /// interrupted (<see cref="Harvester.InterruptedReason"/>), every meeting stored is whole; the next start harvests
    /// the source again and ends with every meeting of the logs stored exactly once.
    /// </summary>
    [Fact]
    public async Task A_host_sent_SIGTERM_during_its_start_up_harvest_stops_within_10_s_marked_interrupted_and_the_next_start_finishes_it()
    {
        using var folders = new Folders(new GeneratorOptions { Teams = 12, Weeks = 80, Seed = 24 });
        int partial;
        await using (var first = WebProcess.Start(folders))
        {
            await WaitUntilAsync(first, folders, async db => await db.Runs.AnyAsync(r => r.Status == HarvestStatus.Running, Ct), "a running harvest");

            var stopping = await first.TerminateAsync();

            Assert.True(stopping < TimeSpan.FromSeconds(10), $"the host took {stopping} to stop");
            Assert.True(first.ExitCode == 0, $"exit code {first.ExitCode}: {first.Output}");
        }

        await using (var db = folders.Db())
        {
            var run = await db.Runs.AsNoTracking().SingleAsync(Ct);
            Assert.Equal((HarvestStatus.Interrupted, Harvester.InterruptedReason), (run.Status, run.Error));
            partial = await db.Meetings.CountAsync(Ct);
            Assert.True(partial < folders.Summary.Meetings, $"all {partial} meetings stored before the signal");
            await AssertEveryMeetingWhole(db);
        }

        await using (var second = WebProcess.Start(folders))
        {
            await WaitUntilAsync(second, folders, async db => await db.Runs.AnyAsync(r => r.Status == HarvestStatus.Succeeded, Ct), "a finished harvest");
            await second.TerminateAsync();
        }

        await using (var db = folders.Db())
        {
            var runs = await db.Runs.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
            Assert.Equal([HarvestStatus.Interrupted, HarvestStatus.Succeeded], runs.Select(r => r.Status));
            Assert.Equal(folders.Summary.Meetings - partial, runs[1].MeetingsNew);
            Assert.Equal(folders.Summary.Meetings, await db.Meetings.CountAsync(Ct));
            Assert.Equal(folders.Summary.Meetings, await db.Meetings.Select(m => m.MeetingKey).Distinct().CountAsync(Ct));
            await AssertEveryMeetingWhole(db);
        }
    }

    /// <summary>
    /// A harvested data folder whose index is deleted: the host rebuilds it at start. SIGTERM as soon as the new index
    /// appears (before or just as the rebuild marks the meetings to be indexed again), and, over a deleted index again,
    /// once the rebuild is under way (meetings marked): each time the process exits within 10 s, and the next start
    /// completes the index, a search answering with as many meetings as before the index was lost.
    /// </summary>
    [Fact]
    public async Task A_host_sent_SIGTERM_while_rebuilding_its_search_index_stops_within_10_s_and_the_next_start_completes_the_index()
    {
        using var folders = new Folders(new GeneratorOptions { Teams = 12, Weeks = 80, Seed = 25 });
        int before;
        await using (var first = WebProcess.Start(folders))
        {
            await WaitUntilAsync(first, folders, async db => await db.Runs.AnyAsync(r => r.Status == HarvestStatus.Succeeded, Ct) && SearchIndex.ReadMark(folders.IndexDir) == await ChangeNumbers.LastAsync(db, Ct), "a finished harvest, indexed");
            before = await first.SearchMeetingsAsync("mirror");
            await first.TerminateAsync();
        }

        Assert.True(before > 10, $"{before} meetings found before");

        // As soon as the index is opened again.
        await StoppedThenCompletedAsync(folders, before, async host =>
        {
            var waited = Stopwatch.StartNew();
            while (!Directory.Exists(folders.IndexDir) && !host.HasExited)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "no index folder within 60 s: " + host.Output);
                await Task.Delay(5, Ct);
            }
        });

        // Once the host has started (the rebuild runs in the background from its start).
        await StoppedThenCompletedAsync(folders, before, host => host.WaitForLineAsync("Application started"));
    }

    /// <summary>
    /// Deletes the index, starts the host, signals it once <paramref name="waitForSignal"/> returns and checks it exits
    /// within 10 s; then starts it again and waits for every meeting to be indexed and the search to find
    /// <paramref name="before"/> meetings.
    /// </summary>
    private static async Task StoppedThenCompletedAsync(Folders folders, int before, Func<WebProcess, Task> waitForSignal)
    {
        Directory.Delete(folders.IndexDir, recursive: true);
        await using (var stopped = WebProcess.Start(folders))
        {
            await waitForSignal(stopped);
            var stopping = await stopped.TerminateAsync();
            Assert.True(stopping < TimeSpan.FromSeconds(10), $"the host took {stopping} to stop");
            Assert.True(stopped.ExitCode == 0, $"exit code {stopped.ExitCode}: {stopped.Output}");
        }

        // The rebuild says when it is done (the database alone cannot: before it marks the meetings, all look indexed).
        await using var next = WebProcess.Start(folders);
        await next.WaitForLineAsync("Search index: ");
        await WaitUntilAsync(next, folders, async db => SearchIndex.ReadMark(folders.IndexDir) == await ChangeNumbers.LastAsync(db, Ct), "every meeting indexed");
        var found = await next.SearchMeetingsAsync("mirror");

        Assert.True(before == found, $"{found} meetings found after the restart, {before} before the index was lost: {next.Output}");
        await next.TerminateAsync();
    }

    /// <summary>Polls the database (once it exists) until <paramref name="condition"/> holds; 60 s for a loaded machine.</summary>
    private static async Task WaitUntilAsync(WebProcess host, Folders folders, Func<TrackerDb, Task<bool>> condition, string what, int pollMs = 20)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(host.HasExited, $"the host exited before {what}: {host.Output}");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(180), $"no {what} within 180 s: {host.Output}");
            if (TestDatabase.IsPostgreSql || File.Exists(folders.DatabaseFile))
            {
                try
                {
                    await using var db = folders.Db();
                    if (await condition(db)) return;
                }
                catch (System.Data.Common.DbException)
                {
                    // Not migrated yet.
                }
            }

            await Task.Delay(pollMs, Ct);
        }
    }

    /// <summary>Every line a meeting counts is stored, and its files with it (one transaction a meeting).</summary>
    private static async Task AssertEveryMeetingWhole(TrackerDb db)
    {
        var whole = await db.Meetings.Select(m => new { m.MeetingKey, m.LineCount, Lines = db.Lines.Count(l => l.MeetingId == m.Id), Files = db.Files.Count(f => f.MeetingId == m.Id) }).ToListAsync(Ct);
        Assert.All(whole, m => Assert.True(m.LineCount == m.Lines && m.Files > 0, $"{m.MeetingKey}: {m.Lines} of {m.LineCount} lines, {m.Files} files"));
    }

    /// <summary>A temporary folder with a generated meetbot tree (<c>logs</c>) and the host's data folder (<c>data</c>).</summary>
    private sealed class Folders : IDisposable
    {
        public Folders(GeneratorOptions logs)
        {
            Directory.CreateDirectory(LogsDir);
            Directory.CreateDirectory(DataDir);
            Summary = ServerGenerator.WriteTo(LogsDir, logs, CancellationToken.None);
        }

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "mt-sigterm-" + Guid.NewGuid().ToString("N"));

        public string LogsDir => Path.Combine(Root, "logs");

        public string DataDir => Path.Combine(Root, "data");

        public string IndexDir => Path.Combine(DataDir, SearchSetup.IndexFolder);

        public string DatabaseFile => Path.Combine(DataDir, StorageSetup.DatabaseFileName);

        public GenerationSummary Summary { get; }

        public TrackerDb Db() => TestDatabase.Open(DataDir);

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            TestDatabase.Drop(DataDir);
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>
    /// The web host's assembly as built, run as a child process with <c>dotnet exec</c> and the test host's runtime
    /// and dependency files (which hold ASP.NET Core), configured by environment variables; its output collected.
    /// Disposing kills it if it still runs.
    /// </summary>
    private sealed partial class WebProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> lines = new();
        private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private WebProcess(Process process) => this.process = process;

        public bool HasExited => process.HasExited;

        public int ExitCode => process.ExitCode;

        public string Output => string.Join(Environment.NewLine, lines.TakeLast(60));

        public static WebProcess Start(Folders folders)
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
                    ["MeetingTracker__DataDir"] = folders.DataDir,
                    ["MeetingTracker__Sources__0__Name"] = SourceName,
                    ["MeetingTracker__Sources__0__Location"] = folders.LogsDir,
                    ["MeetingTracker__Sources__0__Schedule"] = "0 3 * * *",
                    ["MeetingTracker__Sources__0__RequestsPerSecond"] = "0",
                    ["Logging__LogLevel__Default"] = "Information",
                    ["Logging__Console__FormatterName"] = "simple",
                    ["Logging__Console__FormatterOptions__SingleLine"] = "true",
                },
            };
            foreach (var (key, value) in TestDatabase.Settings(folders.DataDir, "__")) start.Environment[key] = value;
            var process = new Process { StartInfo = start };
            var host = new WebProcess(process);
            process.OutputDataReceived += (_, e) => host.Line(e.Data);
            process.ErrorDataReceived += (_, e) => host.Line(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return host;
        }

        /// <summary>The address from the host's <c>Now listening on</c> line.</summary>
        public async Task<Uri> ListeningAsync()
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                return await listening.Task.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException("the host did not say where it listens within 60 s: " + Output);
            }
        }

        /// <summary>Waits (60 s at most) for a line of the host's output holding <paramref name="fragment"/>.</summary>
        public async Task WaitForLineAsync(string fragment)
        {
            var waited = Stopwatch.StartNew();
            while (!lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)))
            {
                Assert.False(process.HasExited, $"the host exited before saying '{fragment}': {Output}");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"the host did not say '{fragment}' within 60 s: {Output}");
                await Task.Delay(50, Ct);
            }
        }

        /// <summary>How many meetings <c>GET /api/search?q=</c><paramref name="query"/> finds.</summary>
        public async Task<int> SearchMeetingsAsync(string query)
        {
            using var client = new HttpClient { BaseAddress = await ListeningAsync() };
            using var answer = await client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), Ct);
            Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync(Ct)}");
            using var json = await answer.Content.ReadFromJsonAsync<JsonDocument>(Ct);
            return json!.RootElement.GetProperty("totalMeetings").GetInt32();
        }

        /// <summary>Sends SIGTERM with <c>kill</c>; returns how long the process took to exit from then (more than 10 s fails the test).</summary>
        public async Task<TimeSpan> TerminateAsync()
        {
            Assert.False(process.HasExited, "the host had exited before the signal: " + Output);
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(Ct);
                Assert.Equal(0, term.ExitCode);
            }

            var stopping = Stopwatch.StartNew();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"the host still ran {stopping.Elapsed} after SIGTERM: {Output}");
            }

            return stopping.Elapsed;
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
                SqliteConnection.ClearAllPools();
            }
        }

        private static string Beside(string file) => Path.Combine(AppContext.BaseDirectory, file);

        private void Line(string? line)
        {
            if (line is null) return;
            lines.Enqueue(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex ListeningLine();
    }
}
