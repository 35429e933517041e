namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// One harvest of a source at a time, across processes on this host (web host, CLI): an exclusive lock file per
/// source. The operating system drops it when its process dies, so a killed harvest never blocks the next one.
/// </summary>
public sealed class SourceLocks(string folder)
{
    /// <summary>Takes the source's lock, or throws <see cref="HarvestBusyException"/> when another harvest holds it.</summary>
    public IDisposable Acquire(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, sourceName + ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e)
        {
            throw new HarvestBusyException($"source '{sourceName}' is being harvested by another run", e);
        }
    }
}

/// <summary>Another harvest of the same source is running.</summary>
public sealed class HarvestBusyException : Exception
{
    public HarvestBusyException()
    {
    }

    public HarvestBusyException(string message)
        : base(message)
    {
    }

    public HarvestBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
