using System.Globalization;

namespace MeetingTracker.Bench.Ingest;

/// <summary>The times of one row's repetitions, with an optional target in seconds.</summary>
public sealed class Measurement(string name, double? targetSeconds = null)
{
    private readonly List<TimeSpan> samples = [];

    public string Name { get; } = name;

    public double? TargetSeconds { get; } = targetSeconds;

    /// <summary>What the row did, e.g. requests and bodies of the last repetition.</summary>
    public string Notes { get; set; } = string.Empty;

    /// <summary>Set when a condition other than time (e.g. bodies transferred) failed.</summary>
    public string? Failure { get; set; }

    public int Runs => samples.Count;

    public double Min => samples.Min().TotalSeconds;

    public double Median
    {
        get
        {
            var sorted = samples.Order().ToList();
            var mid = sorted.Count / 2;
            return (sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2).TotalSeconds;
        }
    }

    public bool? Met => TargetSeconds is { } target ? Failure is null && Median <= target : null;

    public void Add(TimeSpan elapsed)
    {
        samples.Add(elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Name} #{samples.Count}: {elapsed.TotalSeconds:F2} s"));
    }
}
