using System.Collections.Concurrent;

namespace MeetingTracker.LogGen.Serving;

/// <summary>
/// Every request the server saw. Entries are recorded as the request arrives and completed before the response
/// reaches the client (status when the headers go out, bytes as they are written), so a client that has its answer
/// can read the log without racing the server.
/// </summary>
public sealed class ServerLog
{
    private readonly ConcurrentQueue<LoggedRequest> entries = new();
    private int requests;
    private int bodies;
    private int notModified;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Responses that sent at least one body byte.</summary>
    public int Bodies => Volatile.Read(ref bodies);

    public int NotModified => Volatile.Read(ref notModified);

    /// <summary>A copy of the entries, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Entries => [.. entries];

    /// <summary>Absolute request paths (decoded), in arrival order.</summary>
    public IReadOnlyList<string> Paths => [.. entries.Select(e => e.Path)];

    public void Reset()
    {
        entries.Clear();
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref bodies, 0);
        Interlocked.Exchange(ref notModified, 0);
    }

    internal LoggedRequest Begin(string method, string path, string? userAgent)
    {
        var entry = new LoggedRequest(method, path, userAgent);
        entries.Enqueue(entry);
        Interlocked.Increment(ref requests);
        return entry;
    }

    internal void Started(LoggedRequest entry, int status)
    {
        entry.Status = status;
        if (status == 304) Interlocked.Increment(ref notModified);
    }

    internal void Wrote(LoggedRequest entry, int count)
    {
        if (count > 0 && entry.AddBytes(count) == count) Interlocked.Increment(ref bodies);
    }
}

/// <summary>One request: what was asked, by whom, and what went back.</summary>
public sealed class LoggedRequest(string method, string path, string? userAgent)
{
    private int status;
    private long bodyBytes;

    public string Method { get; } = method;

    /// <summary>The decoded absolute path, e.g. <c>/meetbot/#chan/2026/</c>.</summary>
    public string Path { get; } = path;

    public string? UserAgent { get; } = userAgent;

    /// <summary>The status sent; 0 while no response has started (or the client went away first).</summary>
    public int Status
    {
        get => Volatile.Read(ref status);
        internal set => Volatile.Write(ref status, value);
    }

    public long BodyBytes => Interlocked.Read(ref bodyBytes);

    internal long AddBytes(int count) => Interlocked.Add(ref bodyBytes, count);

    public override string ToString() => $"{Method} {Path} {Status} {BodyBytes}";
}
