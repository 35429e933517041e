using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace MeetingTracker.LogGen.Serving;

/// <summary>
/// A physical file provider that follows symlinks as Apache's <c>FollowSymLinks</c> does: a linked file is served
/// with its target's length and time (PhysicalFileProvider reports the link's own, and sends a wrong length).
/// </summary>
internal sealed class SymlinkFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider inner = new(root);

    public IFileInfo GetFileInfo(string subpath)
    {
        var info = inner.GetFileInfo(subpath);
        if (info.PhysicalPath is not { } path) return info;
        var file = new FileInfo(path);
        return file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target
            ? new PhysicalFileInfo(target)
            : info;
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => inner.Watch(filter);

    public void Dispose() => inner.Dispose();
}
