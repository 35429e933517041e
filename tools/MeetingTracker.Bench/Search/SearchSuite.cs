using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// The <c>search</c> suite (issue 4): a fixed mix of queries over the 10,000-meeting generated server, timed through
/// <c>SearchService.SearchAsync</c>, beside SQLite FTS5 over the same entries and <c>grep -r</c> over the raw files.
/// </summary>
public static class SearchSuite
{
    public static async Task<int> RunAsync(SearchArgs args, CancellationToken cancellationToken)
    {
        var work = args.Work ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"meetingtracker-bench-search-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        var environment = BenchEnvironment.Capture();
        Console.WriteLine($"search: {args.Meetings} meetings in {work}; {environment.Load}");
        try
        {
            var (corpus, rig) = await SearchCorpus.PrepareAsync(work, args.Meetings, args.Reuse, cancellationToken);
            await using (rig)
            {
                var queries = QueryMix.Load(Path.Combine(AppContext.BaseDirectory, "Search", QueryMix.FileName));
                Console.WriteLine($"query mix: {queries.Count} queries ({string.Join(", ", queries.GroupBy(q => q.Class).Select(g => $"{g.Count()} {g.Key}"))}); both orders; {args.Warmup} untimed rounds, {args.Rounds} timed");
                var both = queries.SelectMany(q => new[] { (q, SearchOrder.Relevance), (q, SearchOrder.Newest) }).ToList();

                var service = rig.Get<SearchService>();
                var product = await MeasuredLoop.RunAsync(
                    "MeetingTracker",
                    both,
                    args.Warmup,
                    args.Rounds,
                    async (q, order, ct) =>
                    {
                        var results = await service.SearchAsync(new SearchRequest(q.Text, 1, 10, order), ct);
                        return new SearchOutcome(results.TotalHits, results.TotalMeetings, results.Error, results.Meetings.Sum(m => m.Hits.Count));
                    },
                    cancellationToken);
                var surprises = Check(queries, product);

                var ftsPath = Path.Combine(work, "fts5.db");
                var watch = Stopwatch.StartNew();
                await using var connection = await Fts5Store.OpenAsync(ftsPath, rig.Get<IDbContextFactory<TrackerDb>>(), corpus.Documents, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FTS5 baseline database: {watch.Elapsed.TotalSeconds:F1} s (untimed), {Directory.EnumerateFiles(work, "fts5.db*").Sum(f => new FileInfo(f).Length) / 1_048_576.0:F1} MiB; {Fts5Store.SqliteVersion(connection)}"));
                using var fts5 = new Fts5Search(connection);
                var fts = await MeasuredLoop.RunAsync(
                    "SQLite FTS5",
                    [.. both.Where(w => Fts5Search.CanTranslate(w.Item1))],
                    args.Warmup,
                    args.Rounds,
                    (q, order, _) => ValueTask.FromResult(fts5.Search(q, order)),
                    cancellationToken);

                var grep = await GrepBaseline.RunAsync(corpus.Tree, queries, args.GrepRounds, cancellationToken);

                var report = new SearchReport(queries, product, fts, grep);
                var versions = $"Baselines: {Fts5Store.SqliteVersion(connection)} (Microsoft.Data.Sqlite's bundled library, in process); {GrepBaseline.Version()} ({args.GrepRounds} rounds, one process per search)";
                report.Print(corpus, environment with { LoadAfter = BenchEnvironment.LoadAverage() }, versions);
                foreach (var surprise in surprises) Console.WriteLine("CHECK: " + surprise);
                return report.TargetsMet && surprises.Count == 0 ? 0 : 1;
            }
        }
        finally
        {
            if (!args.Keep && !args.Reuse) Clean(work, ownsFolder: args.Work is null);
        }
    }

    /// <summary>Malformed queries must answer an error, misses no hits, every other query some hits.</summary>
    private static List<string> Check(IReadOnlyList<BenchQuery> queries, Latencies product)
    {
        var surprises = new List<string>();
        foreach (var ((number, order), outcome) in product.Outcomes)
        {
            var q = queries[number - 1];
            var ok = q.ExpectsError ? outcome.Error is not null : outcome.Error is null && (q.ExpectsNoHits ? outcome.Hits == 0 : outcome.Hits > 0);
            if (!ok) surprises.Add($"#{number} `{q.Text}` ({order}): {outcome.Hits} hits, error {outcome.Error ?? "none"}");
        }

        return surprises;
    }

    private static void Clean(string work, bool ownsFolder)
    {
        if (ownsFolder)
        {
            Directory.Delete(work, recursive: true);
            return;
        }

        foreach (var name in new[] { "tree", "data" })
        {
            var dir = Path.Combine(work, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(work, "fts5.db*")) File.Delete(file);
    }
}
