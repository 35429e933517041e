using System.Globalization;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// What reference extraction adds to the folder import (issue 15): the import with it (the engine's default) against
/// the same import with <c>MeetingTracker:References:Enabled=false</c>, run alternately in the same run.
/// <see cref="Percent"/> = (median on − median off) / median off; the target is at most 10 %.
/// </summary>
public sealed record ReferenceOverhead(Measurement On, Measurement Off)
{
    public const double TargetPercent = 10;

    public double Percent => (On.Median - Off.Median) / Off.Median * 100;

    /// <summary>The same from the fastest runs: beside the medians, a hint of how much noise is in them.</summary>
    public double MinPercent => (On.Min - Off.Min) / Off.Min * 100;

    public bool Met => Percent <= TargetPercent;

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"Reference extraction overhead on the folder import: (median on − median off) / median off = ({On.Median:F2} − {Off.Median:F2}) / {Off.Median:F2} = **{Percent:+0.0;−0.0;0.0} %** (from the minimums: {MinPercent:+0.0;−0.0;0.0} %); target ≤ {TargetPercent:0} %, met: {(Met ? "yes" : "**no**")}");
}
