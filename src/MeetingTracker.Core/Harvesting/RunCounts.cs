namespace MeetingTracker.Core.Harvesting;

internal enum MeetingOutcome
{
    New,
    Updated,
    Unchanged,
    Failed,
}

/// <summary>Meeting outcomes of a run, counted from parallel workers.</summary>
internal sealed class RunCounts
{
    private int added;
    private int updated;
    private int unchanged;
    private int failed;

    public int New => Volatile.Read(ref added);

    public int Updated => Volatile.Read(ref updated);

    public int Unchanged => Volatile.Read(ref unchanged);

    public int Failed => Volatile.Read(ref failed);

    public int ListingFailures { get; set; }

    public void Add(MeetingOutcome outcome)
    {
        _ = outcome switch
        {
            MeetingOutcome.New => Interlocked.Increment(ref added),
            MeetingOutcome.Updated => Interlocked.Increment(ref updated),
            MeetingOutcome.Unchanged => Interlocked.Increment(ref unchanged),
            _ => Interlocked.Increment(ref failed),
        };
    }
}
