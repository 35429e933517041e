using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingTracker.Core.Tests.Search;

/// <summary>The index follows the database: re-reads replace documents, aliases re-index, a lost index is rebuilt.</summary>
public sealed class IndexMaintenanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reread_meeting_replaces_its_documents()
    {
        await using var corpus = new OwnCorpus();
        await corpus.InitializeAsync();
        var before = corpus.Host.Get<SearchIndex>().DocumentCount;
        var log = Path.Combine(corpus.Root, "fedora-docs/2026-03-03/docs.2026-03-03-09.00.log.txt");
        File.WriteAllText(log, File.ReadAllText(log).Replace("proofread", "copyedit", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(log, File.GetLastWriteTimeUtc(log).AddMinutes(1));

        var summary = await corpus.Host.HarvestAsync(corpus.Source, Ct);

        Assert.Equal(1, summary.Updated);
        Assert.Equal(0, (await corpus.SearchAsync("proofread")).TotalHits);
        Assert.Equal(2, (await corpus.SearchAsync("copyedit")).TotalHits);
        Assert.Equal(before, corpus.Host.Get<SearchIndex>().DocumentCount);
        await using var db = corpus.Host.Db();
        Assert.Equal(await ChangeNumbers.LastAsync(db, Ct), corpus.Host.Get<SearchIndex>().Mark);
    }

    [Fact]
    public async Task Counts_and_newest_order_span_segments_and_skip_replaced_documents()
    {
        await using var corpus = new OwnCorpus();
        await corpus.InitializeAsync();
        var later = Path.Combine(corpus.Root, "fedora-meeting/2026-04-06/infra.2026-04-06-16.00.log.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(later)!);
        File.WriteAllText(later, SearchCorpus.Unix("""
            16:00:00 <bob> #startmeeting infra
            16:00:02 <bob> #meetingname infra
            16:00:04 <dana> the mirror moved
            16:00:09 <bob> #endmeeting
            """));
        var log = Path.Combine(corpus.Root, "fedora-meeting/2025-12-01/infra.2025-12-01-16.00.log.txt");
        File.WriteAllText(log, File.ReadAllText(log).Replace("<bob_> the café mirror is slow again", "<bob_> the café is slow again", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(log, File.GetLastWriteTimeUtc(log).AddMinutes(1));

        // A second harvest: a new segment beside the first, where the re-read meeting's old documents are deleted.
        var summary = await corpus.Host.HarvestAsync(corpus.Source, Ct);
        var found = await corpus.SearchAsync("mirror", SearchOrder.Newest);

        Assert.Equal((1, 1), (summary.New, summary.Updated));
        Assert.Equal(["infra.2026-04-06-16.00", "infra.2026-03-02-16.00", "infra.2025-12-01-16.00"], found.Meetings.Select(m => m.MeetingKey));
        Assert.Equal([1, 1, 5], found.Meetings.Select(m => m.HitCount));
        Assert.Equal(7, found.TotalHits);
        Assert.Equal([("2026", 2), ("2025", 5)], found.Facets.Years.Select(f => (f.Label, f.Count)));
        Assert.Equal([("infra", 7)], found.Facets.Teams.Select(f => (f.Label, f.Count)));
        var times = found.Meetings.SelectMany(m => m.Hits).Select(h => h.Time).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Alias_edits_are_searchable_under_the_new_team_and_person()
    {
        await using var corpus = new OwnCorpus();
        await corpus.InitializeAsync();

        Assert.Equal(0, CliRunner.Run("alias", "team", "infra", "ops", "--data", corpus.Host.DataDir).Exit);
        Assert.Equal(0, CliRunner.Run("alias", "person", "carol", "alice", "--data", corpus.Host.DataDir).Exit);

        // The CLI indexed in its own process; this host's searcher sees the committed index once it refreshes.
        await corpus.Host.Get<SearchIndexer>().IndexPendingAsync(Ct);
        Assert.Equal(16, (await corpus.SearchAsync("team:ops")).TotalHits);
        Assert.Equal(16, (await corpus.SearchAsync("team:infra")).TotalHits);
        Assert.Equal(2, (await corpus.SearchAsync("nick:alice builders")).TotalHits);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    [InlineData("garbage")] // a segments file that is not one at all: the recreation itself read it and the host failed to start
    [InlineData("outdated")] // a sound index written before the schema was recorded: its documents have no topic
    public async Task A_missing_or_corrupt_index_is_recreated_and_rebuilt_from_the_database(string damage)
    {
        await using var corpus = new OwnCorpus();
        await corpus.InitializeAsync();
        var expected = corpus.Host.Get<SearchIndex>().DocumentCount;
        using var folder = new TempDir();
        if (damage == "corrupt")
        {
            File.WriteAllBytes(Path.Combine(folder.Path, "segments_1"), [0x3f, 0xd7, 0x6c, 0x17, 1, 2, 3]);
            File.WriteAllText(Path.Combine(folder.Path, "segments.gen"), "garbage");
        }
        else if (damage == "garbage")
        {
            File.WriteAllText(Path.Combine(folder.Path, "segments_1"), "garbage");
        }
        else if (damage == "outdated")
        {
            using var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(folder.Path));
            using var old = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
            old.AddDocument([new Lucene.Net.Documents.StringField("meeting", "1", Lucene.Net.Documents.Field.Store.YES)]);
            old.Commit();
        }

        using var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance);
        Assert.True(index.NeedsRebuild);
        Assert.Equal(0, index.DocumentCount);
        var db = corpus.Host.Get<IDbContextFactory<TrackerDb>>();
        using var indexer = new SearchIndexer(db, index, NullLogger<SearchIndexer>.Instance);

        Assert.Equal(3, await indexer.IndexPendingAsync(Ct));

        Assert.False(index.NeedsRebuild);
        Assert.Equal(expected, index.DocumentCount);
        var found = await new SearchService(index, db).SearchAsync(new SearchRequest("mirror"), Ct);
        Assert.Equal(7, found.TotalHits);
    }

    [Fact]
    public async Task Reindex_rebuilds_and_search_prints_the_json_contract()
    {
        await using var corpus = new OwnCorpus();
        await corpus.InitializeAsync();
        var data = corpus.Host.DataDir;
        var count = corpus.Host.Get<SearchIndex>().DocumentCount;
        corpus.Host.Get<SearchIndex>().Dispose(); // the CLI takes the index's write lock, as it would with the web host stopped

        var reindex = CliRunner.Run("reindex", "--data", data);
        var search = CliRunner.Run("search", "\"page broke\"", "--data", data, "--json");
        var bad = CliRunner.Run("search", "mirror AND (", "--data", data);

        Assert.Equal((0, $"reindexed 3 meetings, {count} documents"), (reindex.Exit, reindex.Stdout.Trim()));
        Assert.Equal(0, search.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(search.Stdout);
        var hit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(
            ["meetingKey", "line", "nick", "time", "kind", "snippet"],
            hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("infra.2025-12-01-16.00", hit.GetProperty("meetingKey").GetString());
        Assert.Equal(6, hit.GetProperty("line").GetInt32());
        Assert.Equal("2025-12-01T16:00:07Z", hit.GetProperty("time").GetString());
        Assert.Equal(2, bad.Exit);
        Assert.Contains("Could not understand the query", bad.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A corpus of its own (these tests change it).</summary>
    private sealed class OwnCorpus : IAsyncDisposable
    {
        private readonly SearchCorpus corpus = new();

        public HarvestHost Host => corpus.Host;

        public string Root => corpus.Root;

        public Core.Harvesting.SourceOptions Source => corpus.Source;

        public ValueTask InitializeAsync() => corpus.InitializeAsync();

        public Task<SearchResults> SearchAsync(string query, SearchOrder order = SearchOrder.Relevance) => corpus.SearchAsync(query, order);

        public ValueTask DisposeAsync() => corpus.DisposeAsync();
    }
}
