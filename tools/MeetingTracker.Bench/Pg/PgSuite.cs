using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Http;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Search;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;

namespace MeetingTracker.Bench.Pg;

/// <summary>
/// The <c>pg</c> suite (issue 16). First the ingest and search suites' work on both engines in one process: the
/// generated server's folder import (indexing included) into a fresh SQLite data folder and into a fresh PostgreSQL
/// database, the order alternating run by run, each followed by its unchanged re-harvests and the search suite's query
/// mix through <c>SearchService</c>; PostgreSQL's server CPU (<see cref="PgCluster.CpuTicks"/>) and this process's are
/// read around each step. Then <see cref="PgHttp"/> over the last PostgreSQL import.
/// </summary>
public static class PgSuite
{
    public const string DatabasePrefix = "bench";

    public static async Task<int> RunAsync(PgArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!PgCluster.Available)
        {
            Console.Error.WriteLine($"pg: needs PostgreSQL 15's binaries in {PgCluster.Bin} and root (to run them as postgres)");
            return 2;
        }

        if (!args.NoHttp && (!File.Exists(Wrk.Path) || !File.Exists("/usr/sbin/nginx")))
        {
            Console.Error.WriteLine("pg: needs wrk and nginx (apt-get install -y wrk nginx-light), or --no-http");
            return 2;
        }

        var c = CultureInfo.InvariantCulture;
        var work = args.Work ?? Path.Combine(Path.GetTempPath(), string.Create(c, $"meetingtracker-bench-pg-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        var environment = BenchEnvironment.Capture();
        Console.WriteLine($"pg: {args.Meetings} meetings in {work}; {environment.Load}; {environment.Date:yyyy-MM-dd HH:mm:ss} UTC");
        var server = Server(work, args, cancellationToken);
        Console.WriteLine(string.Create(c, $"tree: {server.Root}, {server.Meetings:N0} meetings"));

        using var cluster = PgCluster.Start(Path.Combine(work, "pg"));
        Console.WriteLine($"PostgreSQL on 127.0.0.1:{cluster.Port} (postmaster {cluster.PostmasterPid}): {await cluster.VersionAsync(cancellationToken)}; {ProcCpu.TicksPerSecond} clock ticks a second");
        await WarmUpAsync(work, cluster, cancellationToken);

        var queries = QueryMix.Load(Path.Combine(AppContext.BaseDirectory, "Search", QueryMix.FileName));
        var searches = queries.SelectMany(q => new[] { (q, SearchOrder.Relevance), (q, SearchOrder.Newest) }).ToList();
        var engines = new Dictionary<Engine, EngineFigures> { [Engine.Sqlite] = new(Engine.Sqlite), [Engine.PostgreSql] = new(Engine.PostgreSql) };
        string? lastPgData = null;
        string? lastPgDatabase = null;
        for (var run = 1; run <= args.Runs; run++)
        {
            Engine[] order = run % 2 == 1 ? [Engine.Sqlite, Engine.PostgreSql] : [Engine.PostgreSql, Engine.Sqlite];
            foreach (var engine in order)
            {
                var figures = engines[engine];
                var dataDir = Path.Combine(work, string.Create(c, $"data-{(engine == Engine.Sqlite ? "sqlite" : "pg")}-{run}"));
                var database = string.Create(c, $"{DatabasePrefix}{run}");
                HarvestRig rig;
                if (engine == Engine.Sqlite)
                {
                    rig = await HarvestRig.CreateAsync(dataDir, cancellationToken);
                }
                else
                {
                    await cluster.DropAsync(database, cancellationToken);
                    rig = await HarvestRig.CreateAsync(dataDir, cluster.Options(database), cancellationToken);
                }

                await using (rig)
                {
                    var source = new SourceOptions { Name = SearchCorpus.SourceName, Location = server.Root };
                    var import = await TimedAsync(cluster, () => rig.HarvestAsync(source, cancellationToken));
                    if (import.Result.Summary.New != server.Meetings) throw new InvalidOperationException($"{engine} import: {import.Result.Summary.MeetingsLine}, expected {server.Meetings} new");
                    figures.Import.Add(import.Result.Elapsed);
                    figures.ImportCpu.Add(import.Cpu);
                    for (var i = 0; i < PgArgs.Reharvests; i++)
                    {
                        var again = await TimedAsync(cluster, () => rig.HarvestAsync(source, cancellationToken));
                        if (again.Result.Summary.New != 0 || again.Result.Summary.Updated != 0) throw new InvalidOperationException($"{engine} re-harvest: {again.Result.Summary.MeetingsLine}, expected all unchanged");
                        figures.Reharvest.Add(again.Result.Elapsed);
                        figures.ReharvestCpu.Add(again.Cpu);
                    }

                    var service = rig.Get<SearchService>();
                    var searched = await TimedAsync(cluster, () => MeasuredLoop.RunAsync(
                        engine.ToString(),
                        searches,
                        PgArgs.SearchWarmup,
                        PgArgs.SearchRounds,
                        async (q, o, ct) =>
                        {
                            var results = await service.SearchAsync(new SearchRequest(q.Text, 1, 10, o), ct);
                            return new SearchOutcome(results.TotalHits, results.TotalMeetings, results.Error, results.Meetings.Sum(m => m.Hits.Count));
                        },
                        cancellationToken));
                    figures.Searches.AddRange(searched.Result.Where((_, _) => true));
                    figures.SearchCpu.Add(searched.Cpu);
                    figures.Outcomes.Add(searched.Result.Outcomes.ToDictionary(p => p.Key, p => (p.Value.Hits, p.Value.Error)));
                    figures.Bytes = engine == Engine.Sqlite ? rig.DatabaseBytes() : await cluster.SizeAsync(database, cancellationToken);
                }

                if (engine == Engine.PostgreSql)
                {
                    lastPgData = dataDir;
                    lastPgDatabase = database;
                }
            }
        }

        var sameResults = engines[Engine.Sqlite].Outcomes[^1].All(p => engines[Engine.PostgreSql].Outcomes[^1].TryGetValue(p.Key, out var other) && other == p.Value);
        PrintIngest(server, args, engines, sameResults, environment with { LoadAfter = BenchEnvironment.LoadAverage() });
        var code = sameResults ? 0 : 1;
        if (!args.NoHttp)
        {
            code = Math.Max(code, await PgHttp.RunAsync(args, work, server.Root, cluster, lastPgDatabase!, lastPgData!, cancellationToken));
        }

        return code;
    }

    public enum Engine
    {
        Sqlite,
        PostgreSql,
    }

    /// <summary>Wall time and CPU of one step: PostgreSQL's server processes and this process.</summary>
    public sealed record StepCpu(double Postgres, double Bench);

    /// <summary>One engine's figures over the runs.</summary>
    public sealed class EngineFigures(Engine engine)
    {
        public Engine Engine { get; } = engine;

        public Measurement Import { get; } = new($"{engine}: folder import");

        public Measurement Reharvest { get; } = new($"{engine}: re-harvest, unchanged");

        public List<StepCpu> ImportCpu { get; } = [];

        public List<StepCpu> ReharvestCpu { get; } = [];

        public List<StepCpu> SearchCpu { get; } = [];

        public List<double> Searches { get; } = [];

        public List<Dictionary<(int Query, SearchOrder Order), (int Hits, string? Error)>> Outcomes { get; } = [];

        public long Bytes { get; set; }
    }

    private static async Task<(T Result, StepCpu Cpu)> TimedAsync<T>(PgCluster cluster, Func<Task<T>> step)
    {
        var pg = cluster.CpuTicks();
        var self = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await step();
        var cpu = new StepCpu(ProcCpu.Seconds(cluster.CpuTicks() - pg), (Process.GetCurrentProcess().TotalProcessorTime - self).TotalSeconds);
        return (result, cpu);
    }

    private static BenchServer Server(string work, PgArgs args, CancellationToken cancellationToken)
    {
        if (args.Tree is null)
        {
            var watch = Stopwatch.StartNew();
            var generated = BenchServer.Generate(Path.Combine(work, "tree"), args.Meetings, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {watch.Elapsed.TotalSeconds:F1} s"));
            return generated;
        }

        var groups = BenchServer.GroupsOf(args.Tree);
        if (groups.Count != args.Meetings) throw new InvalidDataException($"{args.Tree}: {groups.Count} meetings, --meetings {args.Meetings}");
        var (teams, weeks) = BenchServer.Scale(args.Meetings);
        return new BenchServer(args.Tree, teams, weeks, groups.Count, 0, 0, 0, groups, 0);
    }

    /// <summary>JIT, EF Core's models and both providers warmed on a small server, untimed.</summary>
    private static async Task WarmUpAsync(string work, PgCluster cluster, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var small = BenchServer.Generate(Path.Combine(work, "warmup"), 8, cancellationToken);
        var source = new SourceOptions { Name = "warmup-folder", Location = small.Root };
        await using (var rig = await HarvestRig.CreateAsync(Path.Combine(work, "data-warmup-sqlite"), cancellationToken))
        {
            await rig.HarvestAsync(source, cancellationToken);
            await rig.HarvestAsync(source, cancellationToken);
        }

        await cluster.DropAsync("warmup", cancellationToken);
        await using (var rig = await HarvestRig.CreateAsync(Path.Combine(work, "data-warmup-pg"), cluster.Options("warmup"), cancellationToken))
        {
            await rig.HarvestAsync(source, cancellationToken);
            await rig.HarvestAsync(source, cancellationToken);
        }

        await cluster.DropAsync("warmup", cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private static void PrintIngest(BenchServer server, PgArgs args, Dictionary<Engine, EngineFigures> engines, bool sameResults, BenchEnvironment environment)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{server.Meetings:N0} meetings ({server.Root}); {args.Runs} import(s) on each engine, alternating which goes first; {PgArgs.Reharvests} unchanged re-harvests after each; the search mix ({PgArgs.SearchWarmup} untimed + {PgArgs.SearchRounds} timed rounds) after those"));
        Console.WriteLine();
        Console.WriteLine("| step | engine | runs | min (s) | median (s) | PostgreSQL CPU (s, median) | bench process CPU (s, median) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var step in new[] { "folder import (indexing included)", "re-harvest, unchanged" })
        {
            foreach (var figures in engines.Values)
            {
                var (m, cpu) = step.StartsWith("folder", StringComparison.Ordinal) ? (figures.Import, figures.ImportCpu) : (figures.Reharvest, figures.ReharvestCpu);
                Console.WriteLine(string.Create(c, $"| {step} | {figures.Engine} | {m.Runs} | {m.Min:F2} | {m.Median:F2} | {Median(cpu.Select(x => x.Postgres)):F2} | {Median(cpu.Select(x => x.Bench)):F2} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| search mix | engine | searches | p50 (ms) | p90 (ms) | p99 (ms) | mean (ms) | PostgreSQL CPU per search (ms) | bench CPU per search (ms) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var figures in engines.Values)
        {
            var s = figures.Searches.Order().ToList();
            Console.WriteLine(string.Create(c, $"| {args.Runs} × {PgArgs.SearchRounds} rounds of the mix | {figures.Engine} | {s.Count:N0} | {Latencies.Percentile(s, 50):F2} | {Latencies.Percentile(s, 90):F2} | {Latencies.Percentile(s, 99):F2} | {s.Average():F2} | {figures.SearchCpu.Sum(x => x.Postgres) * 1000 / s.Count:F2} | {figures.SearchCpu.Sum(x => x.Bench) * 1000 / s.Count:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Database size after the last import: SQLite {engines[Engine.Sqlite].Bytes / 1_048_576.0:F0} MiB (file and WAL), PostgreSQL {engines[Engine.PostgreSql].Bytes / 1_048_576.0:F0} MiB (pg_database_size)"));
        Console.WriteLine($"Search results (hits, errors) of every query and order the same on both engines: {(sameResults ? "yes" : "**no**")}");
        Console.WriteLine(string.Create(c, $"Environment: {environment.Cpu}, {environment.Cores} cores, {environment.Runtime}, {environment.Os}, {environment.Date:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine($"Load: at start {environment.Load}; at end {environment.LoadAfter}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
