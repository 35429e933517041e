using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Http;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Load;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Bench.Pg;

/// <summary>
/// Two web host processes (the Release build's <c>MeetingTracker.Web.dll</c>, Production, warnings-only logging) on the
/// one PostgreSQL database the suite imported, each with its own data folder (a copy of the import's, so each starts
/// with the index in step), behind <see cref="SiteNginx"/> (the deploy site) with one node or with both, alternating;
/// wrk over HTTPS through nginx with the load suite's page mix. Each measured run reads the CPU of each node, of
/// PostgreSQL and of nginx from <c>/proc</c> before and after, and each node's requests from nginx's access log: the
/// cost per 1,000 requests. Issue 16: the two-node cost of each node within 15 % of the one-node one, 0 errors.
/// </summary>
public static class PgHttp
{
    public const int WarmupSeconds = 20;

    /// <summary>Through a newly started nginx before each measured run (new connections to the nodes, TLS).</summary>
    public const int SettleSeconds = 5;

    public const double TargetPercent = 15;

    /// <summary>How long the nodes' idle CPU is read, after the warm-up and after the measured runs.</summary>
    public const int IdleSeconds = 10;

    private const string HostHeader = "Host: " + SiteNginx.SiteName;

    public static async Task<int> RunAsync(PgArgs args, string work, string tree, PgCluster cluster, string database, string importData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(cluster);
        var c = CultureInfo.InvariantCulture;
        var repo = Repo.Root();
        var dll = Path.Combine(repo, "src", "MeetingTracker.Web", "bin", "Release", "net10.0", "MeetingTracker.Web.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"pg: no {dll}: dotnet build MeetingTracker.sln -c Release first");
            return 2;
        }

        IReadOnlyList<string> paths;
        await using (var services = await HarvestingSetup.OpenAsync(importData, cluster.Options(database), null, cancellationToken))
        {
            paths = await MixTargets.PickAsync(services.GetRequiredService<IDbContextFactory<TrackerDb>>(), cancellationToken);
        }

        var script = Path.Combine(work, "mix.lua");
        await File.WriteAllTextAsync(script, MixTargets.Script(paths), cancellationToken);
        Console.WriteLine($"mix: {paths.Count} paths, each once per cycle: {string.Join(' ', paths)}");

        var ports = new[] { ServerProcess.FreePort(), ServerProcess.FreePort() };
        var nodes = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var dataDir = Path.Combine(work, string.Create(c, $"node-{i + 1}"));
                if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
                NewSource.Copy(importData, dataDir);
                var node = StartNode(repo, dll, dataDir, tree, ports[i], cluster.ConnectionString(database));
                nodes.Add(node);
                var watch = Stopwatch.StartNew();
                await node.WaitUntilServingAsync(new Uri(string.Create(c, $"http://127.0.0.1:{ports[i]}/")), TimeSpan.FromMinutes(3), cancellationToken);
                Console.WriteLine(string.Create(c, $"node {i + 1}: pid {node.Id}, 127.0.0.1:{ports[i]}, serving after {watch.Elapsed.TotalSeconds:F1} s"));
            }

            var rows = new List<Row>();
            var idle = new List<string>();
            SiteNginx? nginx = null;
            try
            {
                nginx = await SiteNginx.StartAsync(repo, Path.Combine(work, "nginx-2"), ports, cancellationToken);
                await MixRun.RunAsync(nginx.Site, script, args.Connections, WarmupSeconds, cancellationToken, HostHeader);
                Console.WriteLine($"warm-up through nginx with both nodes: {WarmupSeconds} s");
                idle.Add(await IdleAsync("after the warm-up", nodes, cluster, cancellationToken));
                for (var round = 1; round <= args.Rounds; round++)
                {
                    int[] layouts = round % 2 == 1 ? [1, 2] : [2, 1];
                    foreach (var layout in layouts)
                    {
                        nginx.Dispose();
                        nginx = await SiteNginx.StartAsync(repo, Path.Combine(work, string.Create(c, $"nginx-{layout}")), ports[..layout], cancellationToken);
                        await MixRun.RunAsync(nginx.Site, script, args.Connections, SettleSeconds, cancellationToken, HostHeader);
                        var row = await MeasureAsync(args, round, layout, nginx, script, nodes, ports, cluster, cancellationToken);
                        Console.WriteLine(row.Line());
                        rows.Add(row);
                    }
                }
            }
            finally
            {
                nginx?.Dispose();
            }

            idle.Add(await IdleAsync("after the measured runs, nginx stopped", nodes, cluster, cancellationToken));
            foreach (var line in idle) Console.WriteLine(line);
            return Print(args, rows, paths.Count, await cluster.VersionAsync(cancellationToken)) ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }
    }

    /// <summary>One measured run of the mix through nginx, with what each process spent.</summary>
    public sealed record Row(int Round, int Layout, MixResult Mix, long[] NodeRequests, double[] NodeCpu, long Logged, long Failed, long ClientClosed, double PostgresCpu, double NginxCpu, string Load)
    {
        public long Errors => Mix.Errors + Mix.Timeouts + Failed;

        /// <summary>A node's CPU seconds per 1,000 of the requests it answered (NaN when it answered none).</summary>
        public double PerThousand(int node) => NodeRequests[node] == 0 ? double.NaN : NodeCpu[node] * 1000 / NodeRequests[node];

        public string Line() => string.Create(
            CultureInfo.InvariantCulture,
            $"round {Round}, {Layout} node(s): {Mix.Wrk.RequestsPerSecond:F0} req/s, p50 {Mix.Wrk.P50Ms:F1} ms, p99 {Mix.Wrk.P99Ms:F1} ms, {Mix.Wrk.Requests:N0} requests ({Logged:N0} logged), {Errors} errors, {ClientClosed} closed by wrk's stop (499); node 1 {NodeRequests[0]:N0} requests {NodeCpu[0]:F2} s CPU, node 2 {NodeRequests[1]:N0} requests {NodeCpu[1]:F2} s; PostgreSQL {PostgresCpu:F2} s, nginx {NginxCpu:F2} s; {Load}");
    }

    private static async Task<Row> MeasureAsync(PgArgs args, int round, int layout, SiteNginx nginx, string script, List<ServerProcess> nodes, int[] ports, PgCluster cluster, CancellationToken cancellationToken)
    {
        var load = BenchEnvironment.LoadAverage();
        var offset = nginx.LogLength();
        var nodeStart = nodes.Select(n => ProcCpu.TreeTicks(n.Id)).ToArray();
        var pgStart = cluster.CpuTicks();
        var nginxStart = nginx.CpuTicks();
        var mix = await MixRun.RunAsync(nginx.Site, script, args.Connections, args.Duration, cancellationToken, HostHeader);
        var nodeCpu = nodes.Select((n, i) => ProcCpu.Seconds(ProcCpu.TreeTicks(n.Id) - nodeStart[i])).ToArray();
        var pgCpu = ProcCpu.Seconds(cluster.CpuTicks() - pgStart);
        var nginxCpu = ProcCpu.Seconds(nginx.CpuTicks() - nginxStart);

        // nginx writes a request's log line when it ends: the last ones of the run a moment after wrk's report.
        await Task.Delay(200, cancellationToken);
        var (byPort, failed, closed) = nginx.CountSince(offset);
        var requests = ports.Select(p => byPort.GetValueOrDefault(p)).ToArray();
        return new Row(round, layout, mix, requests, nodeCpu, byPort.Values.Sum(), failed, closed, pgCpu, nginxCpu, load);
    }

    /// <summary>What the nodes and PostgreSQL spend with no request at all (background work: schedules, polling), over <see cref="IdleSeconds"/>.</summary>
    private static async Task<string> IdleAsync(string when, List<ServerProcess> nodes, PgCluster cluster, CancellationToken cancellationToken)
    {
        var nodeStart = nodes.Select(n => ProcCpu.TreeTicks(n.Id)).ToArray();
        var pgStart = cluster.CpuTicks();
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(IdleSeconds), cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var perNode = nodes.Select((n, i) => ProcCpu.Seconds(ProcCpu.TreeTicks(n.Id) - nodeStart[i]) / seconds).ToArray();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"idle {when} ({seconds:F1} s, no request): node 1 {perNode[0]:F3} CPU s a second, node 2 {perNode[1]:F3}, PostgreSQL {ProcCpu.Seconds(cluster.CpuTicks() - pgStart) / seconds:F3}; {BenchEnvironment.LoadAverage()}");
    }

    private static ServerProcess StartNode(string repo, string dll, string dataDir, string tree, int port, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(repo, "src", "MeetingTracker.Web") };
        foreach (var arg in new[]
        {
            dll,
            "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--MeetingTracker:DataDir", dataDir,
            "--MeetingTracker:Database:Provider", "PostgreSql",
            "--MeetingTracker:Database:ConnectionString", connectionString,
            "--MeetingTracker:Sources:0:Name", Search.SearchCorpus.SourceName,
            "--MeetingTracker:Sources:0:Location", tree,
            "--MeetingTracker:Sources:0:Schedule", "0 3 1 1 *",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Hangfire", "Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return ServerProcess.Start(start);
    }

    private static bool Print(PgArgs args, List<Row> rows, int pathCount, string version)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"wrk -t1 -c{args.Connections} -d{args.Duration}s --timeout {MixRun.TimeoutSeconds}s --latency -s mix.lua ({pathCount} paths) -H '{HostHeader}' over HTTPS through nginx (deploy/nginx/meetingtracker.conf), after a {WarmupSeconds} s warm-up with both nodes and {SettleSeconds} s through each newly started nginx; {version}; {ProcCpu.TicksPerSecond} ticks/s"));
        Console.WriteLine();
        Console.WriteLine("| run | nodes | requests/s | p50 (ms) | p99 (ms) | requests | errors | node 1: requests / CPU s / CPU s per 1,000 | node 2: requests / CPU s / CPU s per 1,000 | PostgreSQL CPU s per 1,000 | nginx CPU s per 1,000 | load average at start |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|");
        foreach (var r in rows)
        {
            string Node(int i) => r.NodeRequests[i] == 0
                ? string.Create(c, $"idle / {r.NodeCpu[i]:F2} / –")
                : string.Create(c, $"{r.NodeRequests[i]:N0} / {r.NodeCpu[i]:F2} / {r.PerThousand(i):F3}");
            Console.WriteLine(string.Create(c, $"| {r.Round} | {r.Layout} | {r.Mix.Wrk.RequestsPerSecond:N0} | {r.Mix.Wrk.P50Ms:F1} | {r.Mix.Wrk.P99Ms:F1} | {r.Mix.Wrk.Requests:N0} | {r.Errors} | {Node(0)} | {Node(1)} | {r.PostgresCpu * 1000 / r.Logged:F3} | {r.NginxCpu * 1000 / r.Logged:F3} | {r.Load.Replace("load average ", string.Empty, StringComparison.Ordinal)} |"));
        }

        var one = rows.Where(r => r.Layout == 1).ToList();
        var two = rows.Where(r => r.Layout == 2).ToList();
        var oneCost = one.Sum(r => r.NodeCpu[0]) * 1000 / one.Sum(r => r.NodeRequests[0]);
        var met = true;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"One node (node 1, all {one.Count} one-node runs): {oneCost:F3} CPU s per 1,000 requests"));
        for (var i = 0; i < 2; i++)
        {
            var cost = two.Sum(r => r.NodeCpu[i]) * 1000 / two.Sum(r => r.NodeRequests[i]);
            var percent = (cost - oneCost) / oneCost * 100;
            var within = Math.Abs(percent) <= TargetPercent;
            met &= within;
            Console.WriteLine(string.Create(c, $"Two nodes, node {i + 1} ({two.Sum(r => r.NodeRequests[i]):N0} requests): {cost:F3} CPU s per 1,000 = {percent:+0.0;−0.0;0.0} % against one node; within ±{TargetPercent:0} %: {(within ? "yes" : "**no**")}"));
        }

        Console.WriteLine(string.Create(c, $"PostgreSQL CPU s per 1,000 requests: one node {one.Sum(r => r.PostgresCpu) * 1000 / one.Sum(r => r.Logged):F3}, two nodes {two.Sum(r => r.PostgresCpu) * 1000 / two.Sum(r => r.Logged):F3}; nginx: {one.Sum(r => r.NginxCpu) * 1000 / one.Sum(r => r.Logged):F3} and {two.Sum(r => r.NginxCpu) * 1000 / two.Sum(r => r.Logged):F3}"));
        var errors = rows.Sum(r => r.Errors);
        Console.WriteLine($"Errors (wrk socket errors, time-outs, non-2xx/3xx but 499 in nginx's log): {errors}; 499 (wrk closed the connection at its end with the request in flight): {rows.Sum(r => r.ClientClosed)}");
        Console.WriteLine($"Load at the end: {BenchEnvironment.LoadAverage()}");
        return met && errors == 0;
    }
}
