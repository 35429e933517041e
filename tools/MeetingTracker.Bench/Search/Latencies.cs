using MeetingTracker.Core.Search;

namespace MeetingTracker.Bench.Search;

/// <summary>What one search found: hits and meetings (compared across engines), an error, snippets made.</summary>
public sealed record SearchOutcome(int Hits, int Meetings, string? Error, int Snippets);

/// <summary>Every timed search of one engine, in milliseconds, by query and order; percentiles by nearest rank.</summary>
public sealed class Latencies(string engine)
{
    private readonly Dictionary<(int Query, SearchOrder Order), List<double>> samples = [];

    public string Engine { get; } = engine;

    /// <summary>The last outcome of each query and order (results do not change between rounds).</summary>
    public Dictionary<(int Query, SearchOrder Order), SearchOutcome> Outcomes { get; } = [];

    public void Add(int query, SearchOrder order, double milliseconds)
    {
        if (!samples.TryGetValue((query, order), out var list)) samples[(query, order)] = list = [];
        list.Add(milliseconds);
    }

    /// <summary>The samples of the queries and orders <paramref name="include"/> accepts, sorted.</summary>
    public List<double> Where(Func<int, SearchOrder, bool> include)
        => [.. samples.Where(s => include(s.Key.Query, s.Key.Order)).SelectMany(s => s.Value).Order()];

    public List<double> Of(int query, SearchOrder order) => Where((q, o) => q == query && o == order);

    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
