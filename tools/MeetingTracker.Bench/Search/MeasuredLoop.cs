using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Core.Search;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// Runs every (query, order) pair <c>warmup</c> times untimed (JIT tiers, caches, prepared statements: .NET compiles
/// a method quickly first and optimises it after it has run a while), then <c>rounds</c> times in an order shuffled with a fixed seed, timing each search alone with a Stopwatch.
/// </summary>
public static class MeasuredLoop
{
    public const int Seed = 42;

    public static async Task<Latencies> RunAsync(
        string engine,
        IReadOnlyList<(BenchQuery Query, SearchOrder Order)> work,
        int warmup,
        int rounds,
        Func<BenchQuery, SearchOrder, CancellationToken, ValueTask<SearchOutcome>> search,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(search);
        var latencies = new Latencies(engine);
        for (var round = 1; round <= warmup; round++)
        {
            foreach (var (query, order) in work)
            {
                latencies.Outcomes[(query.Number, order)] = await search(query, order, cancellationToken);
            }
        }

        var rng = new Random(Seed);
        var total = Stopwatch.StartNew();
        for (var round = 1; round <= rounds; round++)
        {
            var shuffled = work.ToArray();
            rng.Shuffle(shuffled);
            foreach (var (query, order) in shuffled)
            {
                var start = Stopwatch.GetTimestamp();
                var outcome = await search(query, order, cancellationToken);
                latencies.Add(query.Number, order, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                latencies.Outcomes[(query.Number, order)] = outcome;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: {warmup} untimed and {rounds} timed rounds × {work.Count} searches; timed in {total.Elapsed.TotalSeconds:F1} s"));
        return latencies;
    }
}
