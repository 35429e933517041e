using System.Diagnostics;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Search;

public sealed class IndexRebuildTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lost_index_is_rebuilt_at_start_while_the_site_keeps_serving()
    {
        // A harvested database, kept (without its index) when its first host goes.
        // On PostgreSQL the database stays on the server: the second host is pointed at the first's database, with a
        // data folder (index) of its own.
        using var kept = new TempFolder();
        int documents;
        DatabaseOptions database;
        await using (var first = new TrackerHost())
        {
            first.KeepFiles = TestDatabase.IsPostgreSql;
            _ = first.Services;
            await first.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, Ct);
            documents = await WaitForDocumentsAsync(first, d => d > 0);
            database = TestDatabase.For(first.DataDir);
            foreach (var file in Directory.GetFiles(first.DataDir, StorageSetup.DatabaseFileName + "*"))
            {
                File.Copy(file, Path.Combine(kept.Path, Path.GetFileName(file)));
            }
        }

        await using var second = new TrackerHost().With("MeetingTracker:DataDir", kept.Path);
        if (database.IsPostgreSql)
        {
            second.With("MeetingTracker:Database:Provider", database.Provider.ToString()).With("MeetingTracker:Database:ConnectionString", database.ConnectionString);
        }
        using var client = second.CreateClient();

        var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.True(home.IsSuccessStatusCode);
        Assert.Equal(documents, await WaitForDocumentsAsync(second, d => d == documents));
        var found = await second.Services.GetRequiredService<SearchService>().SearchAsync(new SearchRequest("kind:action"), Ct);
        Assert.True(found.TotalHits > 0);
        await using var db = second.Db();
        Assert.Equal(await ChangeNumbers.LastAsync(db, Ct), second.Services.GetRequiredService<SearchIndex>().Mark);
    }

    // A generous bound for a slow machine, not a measure of speed.
    private static async Task<int> WaitForDocumentsAsync(TrackerHost host, Func<int, bool> done)
    {
        var index = host.Services.GetRequiredService<SearchIndex>();
        var clock = Stopwatch.StartNew();
        while (!done(index.DocumentCount))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"the index holds {index.DocumentCount} documents after 60 s");
            await Task.Delay(50, Ct);
        }

        return index.DocumentCount;
    }
}
