namespace MeetingTracker.LogGen.Serving;

/// <summary>One entry of a served folder, symlinks resolved (Apache's <c>FollowSymLinks</c>).</summary>
internal sealed record DirectoryItem(string Name, bool IsFolder, long Size, DateTime ModifiedUtc)
{
    /// <summary>The folder's entries; broken symlinks and hidden (dot) files are left out, as Apache and nginx do.</summary>
    public static List<DirectoryItem> Read(string folder)
    {
        var items = new List<DirectoryItem>();
        foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (info.Name.StartsWith('.')) continue;
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) continue;
            items.Add(target is FileInfo file
                ? new DirectoryItem(info.Name, false, file.Length, file.LastWriteTimeUtc)
                : new DirectoryItem(info.Name, true, 0, target.LastWriteTimeUtc));
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return items;
    }

    /// <summary>The href of the entry in a listing: percent-encoded, with <c>/</c> after a folder.</summary>
    public string Href => Uri.EscapeDataString(Name) + (IsFolder ? "/" : string.Empty);
}
