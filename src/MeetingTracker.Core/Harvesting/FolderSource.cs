using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// A meetbot directory on this host. Size and modification time stand in for HTTP validators: a file whose
/// both are unchanged is not read again.
/// </summary>
public sealed class FolderSource(string root, SourceFilter filter, long maxFileBytes, SourceTraffic traffic) : IMeetbotSource
{
    private readonly string root = Path.GetFullPath(root);

    public Task<SourceListing> ListAsync(IListingCache cache, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(root))
        {
            throw new SourceException($"folder not found: {root}");
        }

        var entries = new List<SourceEntry>();
        var failures = new List<SourceFailure>();
        Walk(new DirectoryInfo(root), string.Empty, entries, failures, cancellationToken);
        return Task.FromResult(new SourceListing(entries, failures));
    }

    private void Walk(DirectoryInfo folder, string relative, List<SourceEntry> entries, List<SourceFailure> failures, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        FileSystemInfo[] children;
        try
        {
            children = folder.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failures.Add(new SourceFailure(relative, $"cannot list folder: {e.Message}"));
            return;
        }

        foreach (var child in children.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? child.Name : relative + "/" + child.Name;
            if (child is DirectoryInfo sub)
            {
                if (filter.AllowsFolder(path)) Walk(sub, path, entries, failures, cancellationToken);
            }
            else if (child is FileInfo file && MeetingFileName.FormatOfExtension(file.Name) is not null && filter.AllowsFile(path))
            {
                // Symlinks (Fedora's teams/ tree) report the target's size and time. Whether it is one comes from the
                // entry's own status (lstat, read anyway for its size); asking for LinkTarget costs a readlink per file.
                var target = (file.Attributes & FileAttributes.ReparsePoint) == 0 ? file : (file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file);
                if (target.Exists)
                {
                    entries.Add(new SourceEntry(path, target.Length, WholeMilliseconds(target.LastWriteTimeUtc)));
                }
            }
        }
    }

    // Milliseconds: the database keeps them exactly (it drops finer ticks), and a file rewritten with the same length
    // is still seen unless that happens within the same millisecond (rsync's rule, with a finer clock).
    private static DateTimeOffset WholeMilliseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public async Task<FetchResult> FetchAsync(SourceEntry entry, FileValidators? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (known is not null && entry.Length == known.Length && entry.LastModified == known.LastModified)
        {
            return FetchResult.Unchanged;
        }

        if (entry.Length > maxFileBytes)
        {
            throw new SourceException($"file is {entry.Length} bytes, over the limit of {maxFileBytes}");
        }

        var full = Path.GetFullPath(Path.Combine(root, entry.Path));
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new SourceException("path leaves the source folder");
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
            traffic.CountBody(bytes.Length);
            return new FetchResult(bytes, null, entry.LastModified);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException($"cannot read file: {e.Message}", e);
        }
    }
}
