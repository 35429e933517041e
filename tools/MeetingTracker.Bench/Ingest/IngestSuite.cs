using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Storage;
using MeetingTracker.LogGen.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// The <c>ingest</c> suite (issue 3): a generated server imported from a folder, re-harvested unchanged from the
/// folder and over HTTP, beside the sqlite3 tool's bulk import of the same log lines. A plain measured runner: a
/// minute-long operation does not suit BenchmarkDotNet. Targets of issue 14: the import, indexing included, in 25 s;
/// the unchanged re-harvests under 1 s (folder) and 2 s (HTTP). Issue 15: the folder import is also run with reference
/// extraction switched off, alternately with the one with it on, and extraction may add at most 10 %
/// (<see cref="ReferenceOverhead"/>). With <c>--reuse</c> a kept run's tree and imported databases
/// (<see cref="KeptRun"/>) are harvested again, unchanged, without generating or importing (no import rows, no overhead).
/// </summary>
public static class IngestSuite
{
    public const double FolderImportTarget = 25;
    public const double FolderReharvestTarget = 1;
    public const double HttpReharvestTarget = 2;

    public static async Task<int> RunAsync(IngestArgs args, CancellationToken cancellationToken)
    {
        var work = args.Work ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"meetingtracker-bench-ingest-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        var environment = BenchEnvironment.Capture();
        Console.WriteLine($"ingest: {args.Meetings} meetings in {work}; {environment.Load}");
        try
        {
            var kept = args.Reuse ? KeptRun.TryLoad(work, args.Meetings) : null;
            if (args.Reuse && kept is null) Console.WriteLine($"nothing to reuse in {work} (no {KeptRun.FileName} of {args.Meetings} meetings with its tree and data): generating and importing");
            var server = kept is null
                ? Step("generate", () => Generate(work, args.Meetings, cancellationToken))
                : Step("reuse the kept tree", () => kept.Server(work));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {server.Meetings:N0} meetings (+{server.RenameStubs:N0} rename stubs; {server.Teams} teams × {server.Weeks} weeks, Fedora layout), {server.Files:N0} files, {server.MiB:F1} MiB, {server.LogLines:N0} log lines"));

            await WarmUpAsync(work, cancellationToken);
            var rows = new List<Measurement>();
            Measurement? import = null;
            ReferenceOverhead? overhead = null;
            if (kept is null)
            {
                var folder = await FolderAsync(server, work, args, cancellationToken);
                rows.AddRange([folder.Import, folder.ReferencesOff, folder.Reharvest]);
                import = folder.Import;
                overhead = new ReferenceOverhead(folder.Import, folder.ReferencesOff);
                rows.AddRange(await HttpAsync(server, work, args, cancellationToken));

                // Only now: the tree and both databases are whole, and the re-harvests found every meeting in them.
                KeptRun.Of(server, FolderData(work, args.Runs), HttpData(work, args.Runs)).Save(work);
            }
            else
            {
                Console.WriteLine($"reusing the imports in {kept.FolderData} and {kept.HttpData} (not timed again); no import with references off either, so no reference extraction overhead");
                await using (var rig = await HarvestRig.OpenAsync(Path.Combine(work, kept.FolderData), cancellationToken))
                {
                    rows.Add(await FolderReharvestAsync(server, rig, args, cancellationToken));
                }

                await using var http = await MeetbotHttpServer.StartAsync(server.Root, ListingStyle.Apache, cancellationToken);
                await using (var rig = await HarvestRig.OpenAsync(Path.Combine(work, kept.HttpData), cancellationToken))
                {
                    rows.Add(await HttpReharvestAsync(server, rig, http, args, cancellationToken));
                }
            }

            var baseline = Baseline(server, work, args);
            rows.Add(baseline);

            ResultTable.Print(server, rows, import, overhead, baseline, environment with { LoadAfter = BenchEnvironment.LoadAverage() });
            return rows.All(r => r.Met != false) && overhead?.Met != false ? 0 : 1;
        }
        finally
        {
            if (!args.Keep && !args.Reuse) Clean(work, ownsFolder: args.Work is null);
        }
    }

    /// <summary>A new tree; what a kept run left for <c>--reuse</c> goes first, as the tree it describes does.</summary>
    private static BenchServer Generate(string work, int meetings, CancellationToken cancellationToken)
    {
        File.Delete(Path.Combine(work, KeptRun.FileName));
        return BenchServer.Generate(Path.Combine(work, "tree"), meetings, cancellationToken);
    }

    private static string FolderData(string work, int run) => Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"data-folder-{run}"));

    /// <summary>The data folder of a run's import with reference extraction switched off.</summary>
    private static string FolderDataReferencesOff(string work, int run) => Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"data-folder-refs-off-{run}"));

    /// <summary>The engine as configured with <c>MeetingTracker:References:Enabled=false</c>.</summary>
    private static void ReferencesOff(IServiceCollection services) => services.Configure<ReferenceOptions>(o => o.References.Enabled = false);

    private static string HttpData(string work, int run) => Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"data-http-{run}"));

    private static SourceOptions FolderOptions(BenchServer server) => new() { Name = "bench-folder", Location = server.Root };

    private static SourceOptions HttpOptions(MeetbotHttpServer http) => new() { Name = "bench-http", Location = http.BaseUri.ToString(), RequestsPerSecond = 0, Concurrency = 8 };

    /// <summary>
    /// The folder imports, each into a fresh data folder and each alone in the process: in each run one with reference
    /// extraction (the default) and one with it switched off, in alternating order (on then off in odd runs, off then
    /// on in even ones), so that machine noise and a drift over the run fall on both alike. The very first import of
    /// the process (code not yet optimised by tiered compilation, a heap still growing) is one with extraction, so an
    /// odd number of runs can overstate the overhead, never hide it; an even number (<c>--runs 4</c>) balances it.
    /// The last run's import with extraction is then opened again and re-harvested unchanged.
    /// </summary>
    private static async Task<(Measurement Import, Measurement ReferencesOff, Measurement Reharvest)> FolderAsync(BenchServer server, string work, IngestArgs args, CancellationToken cancellationToken)
    {
        var import = new Measurement("folder import", FolderImportTarget);
        var off = new Measurement("folder import, references off");
        var options = FolderOptions(server);

        async Task OnAsync(int run)
        {
            await using var rig = await HarvestRig.CreateAsync(FolderData(work, run), cancellationToken);
            var (summary, elapsed) = await rig.HarvestAsync(options, cancellationToken);
            Expect(summary.New == server.Meetings, $"folder import: {summary.MeetingsLine}, expected {server.Meetings} new");
            import.Add(elapsed);
            var mentions = await MentionsAsync(rig, cancellationToken);
            import.Notes = string.Create(CultureInfo.InvariantCulture, $"{summary.MeetingsLine}; {summary.FilesFetched:N0} files read; {mentions:N0} project mentions stored; database {rig.DatabaseBytes() / 1_048_576.0:F0} MiB");
        }

        async Task OffAsync(int run)
        {
            await using var rig = await HarvestRig.CreateAsync(FolderDataReferencesOff(work, run), ReferencesOff, cancellationToken);
            var (summary, elapsed) = await rig.HarvestAsync(options, cancellationToken);
            Expect(summary.New == server.Meetings, $"folder import, references off: {summary.MeetingsLine}, expected {server.Meetings} new");
            var mentions = await MentionsAsync(rig, cancellationToken);
            Expect(mentions == 0, $"folder import, references off: {mentions} project mentions stored, expected none");
            off.Add(elapsed);
            off.Notes = string.Create(CultureInfo.InvariantCulture, $"{summary.MeetingsLine}; MeetingTracker:References:Enabled=false, no mentions stored; database {rig.DatabaseBytes() / 1_048_576.0:F0} MiB");
        }

        for (var run = 1; run <= args.Runs; run++)
        {
            if (run % 2 == 1)
            {
                await OnAsync(run);
                await OffAsync(run);
            }
            else
            {
                await OffAsync(run);
                await OnAsync(run);
            }
        }

        await using var last = await HarvestRig.OpenAsync(FolderData(work, args.Runs), cancellationToken);
        return (import, off, await FolderReharvestAsync(server, last, args, cancellationToken));
    }

    private static async Task<int> MentionsAsync(HarvestRig rig, CancellationToken cancellationToken)
    {
        await using var db = await rig.Get<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(cancellationToken);
        return await db.Mentions.CountAsync(cancellationToken);
    }

    private static async Task<Measurement> FolderReharvestAsync(BenchServer server, HarvestRig rig, IngestArgs args, CancellationToken cancellationToken)
    {
        var again = new Measurement("folder re-harvest, unchanged", FolderReharvestTarget);
        for (var run = 1; run <= args.ShortRuns; run++)
        {
            var (summary, elapsed) = await rig.HarvestAsync(FolderOptions(server), cancellationToken);
            Expect(summary.Unchanged == server.Meetings, $"folder re-harvest: {summary.MeetingsLine}, expected {server.Meetings} unchanged");
            again.Add(elapsed);
            again.Notes = $"{summary.MeetingsLine}; {summary.FilesFetched} files read";
        }

        return again;
    }

    private static async Task<Measurement[]> HttpAsync(BenchServer server, string work, IngestArgs args, CancellationToken cancellationToken)
    {
        var first = new Measurement("HTTP first harvest");
        await using var http = await MeetbotHttpServer.StartAsync(server.Root, ListingStyle.Apache, cancellationToken);
        var options = HttpOptions(http);
        for (var run = 1; run <= args.Runs; run++)
        {
            await using var rig = await HarvestRig.CreateAsync(HttpData(work, run), cancellationToken);
            http.Log.Reset();
            var (summary, elapsed) = await rig.HarvestAsync(options, cancellationToken);
            Expect(summary.New == server.Meetings, $"HTTP harvest: {summary.MeetingsLine}, expected {server.Meetings} new");
            first.Add(elapsed);
            first.Notes = string.Create(CultureInfo.InvariantCulture, $"{summary.MeetingsLine}; {http.Log.Requests:N0} requests, {http.Log.Bodies:N0} bodies, {summary.BytesFetched / 1_048_576.0:F1} MiB");
            if (run == args.Runs) return [first, await HttpReharvestAsync(server, rig, http, args, cancellationToken)];
        }

        throw new UnreachableException();
    }

    private static async Task<Measurement> HttpReharvestAsync(BenchServer server, HarvestRig rig, MeetbotHttpServer http, IngestArgs args, CancellationToken cancellationToken)
    {
        var again = new Measurement("HTTP re-harvest, unchanged", HttpReharvestTarget);
        for (var repeat = 1; repeat <= args.ShortRuns; repeat++)
        {
            http.Log.Reset();
            var (summary, elapsed) = await rig.HarvestAsync(HttpOptions(http), cancellationToken);
            Expect(summary.Unchanged == server.Meetings, $"HTTP re-harvest: {summary.MeetingsLine}, expected {server.Meetings} unchanged");
            again.Add(elapsed);
            again.Notes = string.Create(CultureInfo.InvariantCulture, $"{summary.MeetingsLine}; {http.Log.Requests:N0} requests, {http.Log.Bodies} bodies, {http.Log.NotModified:N0} × 304");
            if (http.Log.Bodies > 0) again.Failure = $"{http.Log.Bodies} bodies transferred";
        }

        return again;
    }

    private static Measurement Baseline(BenchServer server, string work, IngestArgs args)
    {
        var csv = Path.Combine(work, "lines.csv");
        var rows = Step("write lines.csv (untimed)", () => SqliteBaseline.WriteCsv(server, csv));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rows:N0} rows ({server.LogLines:N0} raw lines), {new FileInfo(csv).Length / 1_048_576.0:F1} MiB; {SqliteBaseline.Version()}"));
        var baseline = new Measurement("baseline: sqlite3 .import");
        for (var run = 1; run <= args.ShortRuns; run++)
        {
            baseline.Add(SqliteBaseline.Import(csv, Path.Combine(work, "baseline.db"), rows));
        }

        baseline.Notes = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows into one table, WAL");
        return baseline;
    }

    /// <summary>JIT, EF Core's model and Kestrel warmed on a small server, untimed.</summary>
    private static async Task WarmUpAsync(string work, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var small = BenchServer.Generate(Path.Combine(work, "warmup"), 8, cancellationToken);
        await using (var rig = await HarvestRig.CreateAsync(Path.Combine(work, "data-warmup"), cancellationToken))
        {
            await rig.HarvestAsync(new SourceOptions { Name = "warmup-folder", Location = small.Root }, cancellationToken);
            await using var http = await MeetbotHttpServer.StartAsync(small.Root, ListingStyle.Apache, cancellationToken);
            var options = new SourceOptions { Name = "warmup-http", Location = http.BaseUri.ToString(), RequestsPerSecond = 0, Concurrency = 8 };
            await rig.HarvestAsync(options, cancellationToken);
            await rig.HarvestAsync(options, cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private static T Step<T>(string name, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {watch.Elapsed.TotalSeconds:F1} s"));
        return result;
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }

    private static void Clean(string work, bool ownsFolder)
    {
        if (ownsFolder)
        {
            Directory.Delete(work, recursive: true);
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(work).Where(d => Path.GetFileName(d) is "tree" or "warmup" || Path.GetFileName(d).StartsWith("data-", StringComparison.Ordinal)))
        {
            Directory.Delete(dir, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(work).Where(f => Path.GetFileName(f).StartsWith("lines.csv", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("baseline.db", StringComparison.Ordinal) || Path.GetFileName(f) == KeptRun.FileName))
        {
            File.Delete(file);
        }
    }
}
