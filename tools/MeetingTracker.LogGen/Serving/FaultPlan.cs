namespace MeetingTracker.LogGen.Serving;

/// <summary>
/// Faults to inject into the next requests of a path. A path without a leading <c>/</c> is relative to the
/// server's base path (<c>fedora-meeting/</c>), one with it is absolute (<c>/elsewhere/</c>); both match as prefixes
/// of the decoded request path, and the empty string matches every request under the base.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly List<Fault> faults = [];

    /// <summary>Answers the next <paramref name="times"/> matching requests with <paramref name="status"/> and no body.</summary>
    public void FailNext(string pathOrPrefix, int times, int status = 503) => Add(new Fault(pathOrPrefix, times, status, TimeSpan.Zero));

    /// <summary>Holds the next <paramref name="times"/> matching requests for <paramref name="delay"/> before answering them.</summary>
    public void DelayNext(string pathOrPrefix, TimeSpan delay, int times) => Add(new Fault(pathOrPrefix, times, null, delay));

    public void Clear()
    {
        lock (gate) faults.Clear();
    }

    /// <summary>The delay and the status to inject (consuming one use of each matching fault); <paramref name="relativePath"/> is null off the base.</summary>
    internal (TimeSpan Delay, int? Status) Take(string? relativePath, string absolutePath)
    {
        lock (gate)
        {
            var delay = TakeFirst(f => f.Status is null, relativePath, absolutePath);
            var failure = TakeFirst(f => f.Status is not null, relativePath, absolutePath);
            return (delay?.Delay ?? TimeSpan.Zero, failure?.Status);
        }
    }

    private void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault.Prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(fault.Remaining);
        lock (gate) faults.Add(fault);
    }

    private Fault? TakeFirst(Func<Fault, bool> kind, string? relativePath, string absolutePath)
    {
        var fault = faults.Find(f => kind(f) && f.Remaining > 0 && f.Matches(relativePath, absolutePath));
        if (fault is not null) fault.Remaining--;
        return fault;
    }

    private sealed class Fault(string prefix, int times, int? status, TimeSpan delay)
    {
        public string Prefix { get; } = prefix;

        public int Remaining { get; set; } = times;

        public int? Status { get; } = status;

        public TimeSpan Delay { get; } = delay;

        public bool Matches(string? relativePath, string absolutePath)
            => Prefix.StartsWith('/') ? absolutePath.StartsWith(Prefix, StringComparison.Ordinal) : relativePath?.StartsWith(Prefix, StringComparison.Ordinal) == true;
    }
}
