namespace MeetingTracker.Core.Harvesting;

/// <summary>What a source cost during one harvest; sources count into it from any thread.</summary>
public sealed class SourceTraffic
{
    private int requests;
    private int notModified;
    private int bodies;
    private long bytes;
    private int retries;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Requests answered 304 Not Modified.</summary>
    public int NotModified => Volatile.Read(ref notModified);

    /// <summary>Responses (or files read from disk) whose body was transferred.</summary>
    public int Bodies => Volatile.Read(ref bodies);

    public long Bytes => Interlocked.Read(ref bytes);

    public int Retries => Volatile.Read(ref retries);

    public void CountRequest() => Interlocked.Increment(ref requests);

    public void CountNotModified() => Interlocked.Increment(ref notModified);

    public void CountRetry() => Interlocked.Increment(ref retries);

    public void CountBody(long length)
    {
        Interlocked.Increment(ref bodies);
        Interlocked.Add(ref bytes, length);
    }
}
