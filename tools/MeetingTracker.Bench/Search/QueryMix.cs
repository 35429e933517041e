namespace MeetingTracker.Bench.Search;

/// <summary>
/// One query of the mix: its class, the product's query text, and its closest translations for the baselines
/// (<see cref="FtsMatch"/> null when the baseline has no MATCH, only a condition; <see cref="NoFts"/> says why there is
/// no fair translation at all; <see cref="Grep"/> null when grep is not run).
/// </summary>
public sealed record BenchQuery(int Number, string Class, string Text, string? FtsMatch, string? FtsWhere, string? NoFts, string? Grep)
{
    public bool ExpectsError => Class == "malformed";

    public bool ExpectsNoHits => Class == "miss";
}

/// <summary>The checked-in mix, <c>Search/queries.txt</c> (copied beside the program): <c>class | query | MATCH | condition | grep</c>.</summary>
public static class QueryMix
{
    public const string FileName = "queries.txt";

    public static IReadOnlyList<BenchQuery> Load(string path)
    {
        var queries = new List<BenchQuery>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(" | ");
            if (parts.Length != 5) throw new InvalidDataException($"{path}: want 5 columns 'class | query | MATCH | condition | grep': {line}");
            var match = parts[2].Trim();
            var noFts = match.StartsWith("n/a", StringComparison.Ordinal) ? match[3..].TrimStart(':', ' ') : null;
            queries.Add(new BenchQuery(
                queries.Count + 1,
                parts[0].Trim(),
                parts[1].Trim(),
                noFts is null ? Dash(match) : null,
                Dash(parts[3].Trim()),
                noFts,
                Dash(parts[4].Trim())));
        }

        return queries;
    }

    /// <summary>The classes in the order the file first names them.</summary>
    public static IReadOnlyList<string> Classes(IEnumerable<BenchQuery> queries) => [.. queries.Select(q => q.Class).Distinct()];

    private static string? Dash(string value) => value == "-" ? null : value;
}
