using MeetingTracker.Core.Search;
using MeetingTracker.Core.Tests.Cli;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingTracker.Core.Tests.Search;

/// <summary>
/// <see cref="SearchIndex.ReadMark"/> is how another process (a test watching a node, an admin's tool) reads how far an
/// index has gone while its owner keeps committing: never an exception, never a mark going back. The multi-node test
/// once read "past EOF" of a segments file a harvesting node was writing; this in-process race did not reproduce that
/// (it passes on the earlier reading too), so the multi-node test remains the one that catches it; this one keeps the
/// contract.
/// </summary>
public sealed class IndexMarkReadTests
{
    [Fact]
    public async Task Reading_the_mark_while_the_owner_commits_never_fails_and_never_goes_back()
    {
        using var folder = new TempDir();
        const long last = 400;
        using var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance);
        index.Commit(upTo: 1);

        var writing = Task.Run(() =>
        {
            for (var mark = 2L; mark <= last; mark++) index.Commit(upTo: mark);
        }, TestContext.Current.CancellationToken);

        var seen = new List<long>();
        while (!writing.IsCompleted)
        {
            if (SearchIndex.ReadMark(folder.Path) is { } mark) seen.Add(mark);
        }

        await writing;
        Assert.Equal(last, SearchIndex.ReadMark(folder.Path));
        Assert.NotEmpty(seen);
        Assert.Equal(seen.Order(), seen);
    }
}
