using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Http;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Search;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Load;

/// <summary>
/// The <c>load</c> suite (issue 14, "fast and unshakable"): the host serving the 10,000-meeting corpus under a mix of
/// its pages (<see cref="MixTargets"/>), measured once without a harvest and once while its own scheduler harvests a
/// new 2,000-meeting source (<see cref="NewSource"/>), one host process started once, its memory sampled every second.
/// Targets: no error and no time-out in either run; during the harvest p99 ≤ 500 ms and at least 70 % of the
/// throughput without; at most 400 MiB resident throughout.
/// </summary>
public static class LoadSuite
{
    public const double TargetP99Ms = 500;
    public const double TargetShare = 0.7;
    public const double TargetRssMiB = 400;

    /// <summary>The untimed mix before the first measured run (tiered compilation, caches filled).</summary>
    public const int WarmupSeconds = 20;

    /// <summary>How long the host may take to answer after its start (it is built first, untimed).</summary>
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(LoadArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!File.Exists(Wrk.Path))
        {
            Console.Error.WriteLine("load: needs wrk (apt-get install -y wrk)");
            return 2;
        }

        var c = CultureInfo.InvariantCulture;
        var work = args.Work ?? Path.Combine(Path.GetTempPath(), string.Create(c, $"meetingtracker-bench-load-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        Console.WriteLine($"load: {LoadArgs.CorpusMeetings} meetings in {work}; {BenchEnvironment.LoadAverage()}");
        var (corpus, rig) = await SearchCorpus.PrepareAsync(work, LoadArgs.CorpusMeetings, args.Reuse, cancellationToken);
        IReadOnlyList<string> paths;
        int chain;
        await using (rig)
        {
            var dbFactory = rig.Get<IDbContextFactory<TrackerDb>>();
            paths = await MixTargets.PickAsync(dbFactory, cancellationToken);
            var account = await SignedInUser.CreateAsync(dbFactory, TimeProvider.System, cancellationToken);
            chain = await EventSeed.SeedAsync(dbFactory, account, TimeProvider.System, cancellationToken);
        }

        var (newTree, newMeetings) = NewSource.Prepare(work, cancellationToken);
        Console.WriteLine($"new source: {newMeetings:N0} meetings ({NewSource.Teams} teams × {NewSource.Weeks} weeks, Debian layout) in {newTree}");

        // The host changes its data folder (it harvests into it): each run starts from a copy of the corpus's.
        var run = Path.Combine(work, "load-run");
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        var dataDir = Path.Combine(run, "data");
        NewSource.Copy(corpus.DataDir, dataDir);
        var newLocation = Path.Combine(run, "new-source");
        Directory.CreateDirectory(newLocation);
        var script = Path.Combine(run, "mix.lua");
        await File.WriteAllTextAsync(script, MixTargets.Script(paths), cancellationToken);
        Console.WriteLine($"mix: {paths.Count} paths, each once per cycle: {string.Join(' ', paths)}");

        var repo = Repo.Root();
        await BuildWebAsync(repo, cancellationToken);
        var port = ServerProcess.FreePort();
        var site = new Uri(LoadHost.Url(port) + "/");
        var harvestAt = TimeProvider.System.GetUtcNow() + StartBudget + TimeSpan.FromSeconds(WarmupSeconds + args.Duration + 2);
        harvestAt = harvestAt.AddTicks(-(harvestAt.Ticks % TimeSpan.TicksPerSecond));
        using var host = LoadHost.Start(repo, dataDir, corpus.Tree, newLocation, harvestAt, port);
        await host.WaitUntilServingAsync(site, StartBudget, cancellationToken);
        var pid = LoadHost.FindServerPid(port);
        await using var rss = new RssSampler(pid);
        Console.WriteLine($"host: pid {pid}, {RssSampler.ReadKiB(pid) / 1024 ?? 0} MiB resident once serving; the new source's harvest is scheduled at {harvestAt:HH:mm:ss} UTC");

        // The host harvested the (still empty) new source at its start, as it does a source never harvested: the
        // meetings are put in place after that, for its schedule to find.
        var options = new DbContextOptionsBuilder<TrackerDb>().UseSqlite(StorageSetup.ConnectionString(dataDir)).Options;
        await WaitForRunsAsync(options, 1, TimeSpan.FromSeconds(60), cancellationToken);
        NewSource.Copy(newTree, newLocation);

        rss.Phase = "warm-up";
        await MixRun.RunAsync(site, script, args.Connections, WarmupSeconds, cancellationToken);
        var wait = harvestAt - TimeSpan.FromSeconds(args.Duration + 2) - TimeProvider.System.GetUtcNow();
        if (wait < TimeSpan.Zero)
        {
            Console.Error.WriteLine($"load: the host took {-wait.TotalSeconds:F0} s longer to start than planned; the harvest would fall into the first run");
            return 2;
        }

        await Task.Delay(wait, cancellationToken);
        var loadBefore = BenchEnvironment.LoadAverage();
        rss.Phase = "without";
        var without = await MixRun.RunAsync(site, script, args.Connections, args.Duration, cancellationToken);
        var loadBetween = BenchEnvironment.LoadAverage();
        Console.WriteLine(Line("without a harvest", without, rss.MaxMiB("without")));
        rss.Phase = "with";
        var with = await MixRun.RunAsync(site, script, args.Connections, args.Duration, cancellationToken);
        var loadAfter = BenchEnvironment.LoadAverage();
        Console.WriteLine(Line("during the harvest", with, rss.MaxMiB("with")));
        rss.Phase = "after";

        var harvest = await WaitForRunsAsync(options, 2, TimeSpan.FromMinutes(10), cancellationToken);
        var report = new LoadReport(paths, without, with, harvest, newMeetings, rss.MaxMiB("start"), rss.MaxMiB("without"), rss.MaxMiB("with"), rss.OverallMaxMiB(), loadBefore, loadBetween, loadAfter, args);
        report.Print(corpus, BenchEnvironment.Capture());
        string seen;
        try
        {
            seen = await ChangeVisibility.CheckAsync(dataDir, site, chain, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            seen = $"FAILED: the action page after the harvest did not answer ({e.GetType().Name}: {e.Message})";
        }

        Console.WriteLine(seen);
        return report.Met && harvest.MeetingsNew == newMeetings && seen.StartsWith("a state change", StringComparison.Ordinal) ? 0 : 1;
    }

    /// <summary>Waits until the new source has <paramref name="count"/> finished runs; returns the last.</summary>
    private static async Task<HarvestRun> WaitForRunsAsync(DbContextOptions<TrackerDb> options, int count, TimeSpan limit, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = new TrackerDb(options))
            {
                var runs = await db.Runs.AsNoTracking().Where(r => r.Source!.Name == LoadHost.NewSourceName && r.EndedAt != null)
                    .OrderBy(r => r.Id).ToListAsync(cancellationToken);
                if (runs.Count >= count)
                {
                    var last = runs[^1];
                    if (last.Status != HarvestStatus.Succeeded) throw new InvalidOperationException($"the harvest of {LoadHost.NewSourceName} ended {last.Status}: {last.Error}");
                    return last;
                }
            }

            if (watch.Elapsed > limit) throw new TimeoutException($"{LoadHost.NewSourceName}: fewer than {count} finished harvests after {limit}");
            await Task.Delay(1000, cancellationToken);
        }
    }

    private static async Task BuildWebAsync(string repo, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", Path.Combine(repo, "src", "MeetingTracker.Web"), "-c", "Release", "-v", "q", "-nologo" }) start.ArgumentList.Add(arg);
        using var build = Process.Start(start) ?? throw new InvalidOperationException("dotnet build did not start");
        var output = await build.StandardOutput.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0) throw new InvalidOperationException($"dotnet build of the web host failed:\n{output}");
    }

    private static string Line(string name, MixResult r, double rssMiB) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: {r.Wrk.RequestsPerSecond:F0} req/s, p50 {r.Wrk.P50Ms:F1} ms, p99 {r.Wrk.P99Ms:F1} ms, max {r.MaxMs:F0} ms, {r.Wrk.Requests:N0} requests, {r.Errors} errors, {r.Timeouts} time-outs; RSS max {rssMiB:F0} MiB; {BenchEnvironment.LoadAverage()}");
}
