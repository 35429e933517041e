namespace MeetingTracker.Web.Components.Common;

/// <summary>
/// Digests (aggregates over hundreds or thousands of rows: a team's people, a person's meetings, the statistics, a
/// meeting page's frame) kept until the next harvest, at most <see cref="Lifetime"/>, then served while rebuilt behind
/// them (<see cref="AnswerCache"/>), so the team, person and meeting pages answer from a handful of indexed lookups,
/// during and after a harvest too.
/// </summary>
public sealed class DigestCache(TimeProvider clock) : AnswerCache(clock, Lifetime, MaxEntries)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const int MaxEntries = 10_000;
}
