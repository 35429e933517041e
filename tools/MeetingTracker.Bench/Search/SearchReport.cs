using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Core.Search;

namespace MeetingTracker.Bench.Search;

/// <summary>The figures of a run as Markdown tables, ready for docs/benchmarks.md.</summary>
public sealed class SearchReport(IReadOnlyList<BenchQuery> queries, Latencies product, Latencies fts, Latencies grep)
{
    public const double P50Target = 5;
    public const double P99Target = 30;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly SearchOrder[] Orders = [SearchOrder.Relevance, SearchOrder.Newest];

    public bool TargetsMet
    {
        get
        {
            var all = product.Where((_, _) => true);
            return Latencies.Percentile(all, 50) <= P50Target && Latencies.Percentile(all, 99) <= P99Target;
        }
    }

    public void Print(SearchCorpus corpus, BenchEnvironment environment, string versions)
    {
        Console.WriteLine();
        Console.WriteLine(corpus.Describe());
        Console.WriteLine();
        Console.WriteLine("| engine | order | queries | searches | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | target | met |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|---|");
        var translated = queries.Where(Fts5Search.CanTranslate).Select(q => q.Number).ToHashSet();
        Summary(product, "relevance", (_, o) => o == SearchOrder.Relevance);
        Summary(product, "newest", (_, o) => o == SearchOrder.Newest);
        Summary(product, "both", (_, _) => true, target: true);
        Summary(product, "both, FTS5's queries", (q, _) => translated.Contains(q));
        Summary(fts, "relevance (bm25)", (_, o) => o == SearchOrder.Relevance);
        Summary(fts, "newest", (_, o) => o == SearchOrder.Newest);
        Summary(fts, "both", (_, _) => true);
        Summary(grep, "(files)", (_, _) => true);

        Console.WriteLine();
        Console.WriteLine("Medians per class (ms):");
        Console.WriteLine();
        Console.WriteLine("| class | queries | MeetingTracker relevance | MeetingTracker newest | FTS5 relevance | FTS5 newest | grep -r |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var name in QueryMix.Classes(queries))
        {
            var members = queries.Where(q => q.Class == name).Select(q => q.Number).ToHashSet();
            Console.WriteLine(string.Create(C, $"| {name} | {members.Count} | {P50(product, members, SearchOrder.Relevance)} | {P50(product, members, SearchOrder.Newest)} | {P50(fts, members, SearchOrder.Relevance)} | {P50(fts, members, SearchOrder.Newest)} | {P50(grep, members, SearchOrder.Relevance)} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Per query (medians in ms; hits = entries matched, meetings = meetings matched, grep: files listed):");
        Console.WriteLine();
        Console.WriteLine("| # | class | query | hits | meetings | relevance | newest | max | FTS5 hits | FTS5 meetings | FTS5 relevance | FTS5 newest | grep files | grep |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var q in queries)
        {
            var ours = product.Outcomes[(q.Number, SearchOrder.Relevance)];
            var hits = ours.Error is null ? ours.Hits.ToString("N0", C) : "error";
            var theirs = fts.Outcomes.GetValueOrDefault((q.Number, SearchOrder.Relevance));
            var grepped = grep.Outcomes.GetValueOrDefault((q.Number, SearchOrder.Relevance));
            var max = product.Where((n, _) => n == q.Number).LastOrDefault();
            Console.WriteLine(string.Create(C, $"| {q.Number} | {q.Class} | `{q.Text}` | {hits} | {ours.Meetings:N0} | {P50(product, [q.Number], SearchOrder.Relevance)} | {P50(product, [q.Number], SearchOrder.Newest)} | {max:F2} | {theirs?.Hits.ToString("N0", C) ?? "n/a"} | {theirs?.Meetings.ToString("N0", C) ?? string.Empty} | {P50(fts, [q.Number], SearchOrder.Relevance)} | {P50(fts, [q.Number], SearchOrder.Newest)} | {grepped?.Hits.ToString("N0", C) ?? string.Empty} | {P50(grep, [q.Number], SearchOrder.Relevance)} |"));
        }

        Console.WriteLine();
        foreach (var q in queries.Where(q => q.NoFts is not null)) Console.WriteLine($"No FTS5 translation for #{q.Number} `{q.Text}`: {q.NoFts}");
        Console.WriteLine(versions);
        Console.WriteLine(string.Create(C, $"Environment: {environment.Cpu}, {environment.Cores} cores, {environment.Runtime}, {environment.Os}, {environment.Date:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine($"Load: at start {environment.Load}; at end {environment.LoadAfter}");
    }

    private static void Summary(Latencies latencies, string order, Func<int, SearchOrder, bool> include, bool target = false)
    {
        var all = latencies.Where(include);
        if (all.Count == 0) return;
        var queries = latencies.Outcomes.Keys.Where(k => include(k.Query, k.Order)).Select(k => k.Query).Distinct().Count();
        var (p50, p95, p99) = (Latencies.Percentile(all, 50), Latencies.Percentile(all, 95), Latencies.Percentile(all, 99));
        var goal = target ? string.Create(C, $"p50 ≤ {P50Target:0}, p99 ≤ {P99Target:0}") : string.Empty;
        var met = target ? (p50 <= P50Target && p99 <= P99Target ? "yes" : "**no**") : string.Empty;
        Console.WriteLine(string.Create(C, $"| {latencies.Engine} | {order} | {queries} | {all.Count:N0} | {p50:F2} | {p95:F2} | {p99:F2} | {all[^1]:F2} | {goal} | {met} |"));
    }

    private static string P50(Latencies latencies, IReadOnlyCollection<int> members, SearchOrder order)
    {
        var samples = latencies.Where((q, o) => o == order && members.Contains(q));
        return samples.Count == 0 ? string.Empty : Latencies.Percentile(samples, 50).ToString("F2", C);
    }
}
