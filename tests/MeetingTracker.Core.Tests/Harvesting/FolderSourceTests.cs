using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Tests.Cli;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>What a folder source lists: the size and time of each file, through symlinks too.</summary>
public sealed class FolderSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_symlinked_file_is_listed_with_its_targets_size_and_time_and_a_dangling_one_not_at_all()
    {
        using var dir = new TempDir();
        var target = dir.Write("infra/2026-01-05/infra.2026-01-05-16.00.log.txt", "16:00:00 <zodbot> Meeting started\n");
        File.SetLastWriteTimeUtc(target, new DateTime(2026, 1, 5, 17, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.Combine(dir.Path, "teams/infra"));
        var link = Path.Combine(dir.Path, "teams/infra/infra.2026-01-05-16.00.log.txt");

        // The link itself is dated now and is as long as the target's path; the entry must show the target's.
        File.CreateSymbolicLink(link, target);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "teams/infra/infra.2026-01-12-16.00.log.txt"), Path.Combine(dir.Path, "gone.log.txt"));

        var listing = await new FolderSource(dir.Path, SourceFilter.All, long.MaxValue, new SourceTraffic()).ListAsync(NoListingCache.Instance, Ct);

        var expected = (Length: new FileInfo(target).Length, LastModified: new DateTimeOffset(2026, 1, 5, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(["infra/2026-01-05/infra.2026-01-05-16.00.log.txt", "teams/infra/infra.2026-01-05-16.00.log.txt"], listing.Entries.Select(e => e.Path));
        Assert.All(listing.Entries, e => Assert.Equal(expected, (e.Length!.Value, e.LastModified!.Value)));

        // The target rewritten: the link's entry follows it, so the harvester sees the change through the link too.
        File.AppendAllText(target, "16:01:00 <nirik> hi\n");
        listing = await new FolderSource(dir.Path, SourceFilter.All, long.MaxValue, new SourceTraffic()).ListAsync(NoListingCache.Instance, Ct);
        Assert.Equal(new FileInfo(target).Length, listing.Entries[1].Length);
    }
}
