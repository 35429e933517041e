using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using FsDirectory = Lucene.Net.Store.FSDirectory;

namespace MeetingTracker.Core.Search;

/// <summary>
/// The Lucene index in the data folder: one <see cref="IndexWriter"/>, and a <see cref="SearcherManager"/> whose
/// searchers are always released (Examine's pattern). A missing or unreadable index is recreated empty and
/// <see cref="NeedsRebuild"/> says so; the indexer then fills it from the database while searches go on. Each commit
/// records the change number up to which the index holds every meeting (<see cref="Mark"/>, ADR 19): the index and
/// what it remembers are one commit, so they agree after a crash; a new or recreated index starts from 0.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    private readonly FsDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock writeGate = new();
    private bool disposed;

    private readonly double writeBufferMB;

    /// <summary>Whether the index's files are memory-mapped (<see cref="SearchIndexOptions.MapFiles"/>).</summary>
    public bool MapsFiles => directory is Lucene.Net.Store.MMapDirectory;

    /// <param name="writeBufferMB">The writer's buffer (<see cref="SearchIndexOptions.WriteBufferMB"/>).</param>
    /// <param name="mapFiles">Memory-mapped reads, or positioned reads (<see cref="SearchIndexOptions.MapFiles"/>).</param>
    public SearchIndex(string folder, ILogger<SearchIndex> logger, double writeBufferMB = SearchIndexOptions.DefaultWriteBufferMB, bool mapFiles = true)
    {
        ArgumentNullException.ThrowIfNull(folder);
        this.writeBufferMB = writeBufferMB;
        System.IO.Directory.CreateDirectory(folder);
        directory = mapFiles ? FsDirectory.Open(new DirectoryInfo(folder)) : new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(folder));
        Analyzer = SearchAnalyzers.Create();
        try
        {
            NeedsRebuild = !DirectoryReader.IndexExists(directory);
            if (!NeedsRebuild) CheckReadable();
            var stored = NeedsRebuild ? Schema : StoredSchema() ?? "1";
            var outdated = stored != Schema;
            if (outdated)
            {
                // Written by a version whose documents lack fields this one searches: rebuilt like a missing index.
                LogOutdated(logger, folder, stored, Schema);
                NeedsRebuild = true;
            }

            writer = new IndexWriter(directory, Config(outdated ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND));
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            && e is not Lucene.Net.Store.LockObtainFailedException)
        {
            // (Another writer holding the index is not damage: that goes up as it is, and nothing is touched.)
            LogRecreated(logger, folder, e.Message);
            NeedsRebuild = true;

            // Even OpenMode.CREATE reads the newest segments file (to number the next commit): one that is not one at
            // all would fail the start again. The index is only ever rebuilt from the database: its files go.
            // Only under the index's own write lock: never the files of an index another writer holds.
            var held = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
            if (!held.Obtain()) throw new Lucene.Net.Store.LockObtainFailedException($"the search index in {folder} is held by another writer");
            try
            {
                foreach (var file in directory.ListAll().Where(f => f != IndexWriter.WRITE_LOCK_NAME))
                {
                    directory.DeleteFile(file);
                }
            }
            finally
            {
                held.Dispose();
            }

            writer = new IndexWriter(directory, Config(OpenMode.CREATE));
        }

        // Every commit from now on records what its documents hold.
        mark = NeedsRebuild ? 0 : StoredMark();
        writer.SetCommitData(CommitData());

        // A new index (missing or recreated) is first committed by the rebuild, after the database has marked every
        // meeting to be indexed again: committed empty here, a stop before that mark (SIGTERM at start) left an index
        // that the next start took for complete, and searches found nothing ever after.
        if (!NeedsRebuild) writer.Commit();
        searchers = new SearcherManager(writer, applyAllDeletes: true, new WarmingSearcherFactory());
    }

    /// <summary>
    /// What the documents hold, recorded with each commit; an index with another (or none: before this was recorded) is
    /// rebuilt from the database at start. 2: the topic each entry was said under.
    /// </summary>
    public const string Schema = "2";

    private const string SchemaKey = "meetingtracker.schema";

    private const string ChangeKey = "meetingtracker.change";

    private long mark;

    /// <summary>
    /// The change number up to which every meeting's documents are committed (0: none yet). Meetings written with a
    /// higher one may be in the index too (a harvest's follower), but are taken again by the catch-up.
    /// </summary>
    public long Mark => Interlocked.Read(ref mark);

    /// <summary>True when the index was missing, unreadable or of another schema at start and must be filled from the database.</summary>
    public bool NeedsRebuild { get; private set; }

    internal Lucene.Net.Analysis.Analyzer Analyzer { get; }

    /// <summary>Replaces every document of these meetings with <paramref name="entries"/> (not yet visible: see <see cref="Commit"/>).</summary>
    public void Replace(IEnumerable<int> meetingIds, IEnumerable<SearchEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(meetingIds);
        ArgumentNullException.ThrowIfNull(entries);
        lock (writeGate)
        {
            writer.DeleteDocuments([.. meetingIds.Select(id => new Term(SearchFields.Meeting, id.ToString(CultureInfo.InvariantCulture)))]);
            var document = new SearchDocument();
            foreach (var entry in entries)
            {
                writer.AddDocument(document.Fill(entry));
            }
        }
    }

    /// <summary>Removes every document; the mark goes back to 0 with the next commit.</summary>
    public void DeleteAll()
    {
        lock (writeGate)
        {
            writer.DeleteAll();
            Interlocked.Exchange(ref mark, 0);
        }
    }

    /// <summary>
    /// Makes the changes durable and visible to the next searches; with <paramref name="upTo"/>, records in the same
    /// commit that every meeting up to that change number is in the index.
    /// </summary>
    public void Commit(long? upTo = null)
    {
        lock (writeGate)
        {
            if (upTo is { } value) Interlocked.Exchange(ref mark, value);
            writer.SetCommitData(CommitData());
            writer.Commit();
        }

        searchers.MaybeRefreshBlocking();
    }

    public void MarkRebuilt() => NeedsRebuild = false;

    /// <summary>Runs <paramref name="search"/> on a current searcher, released afterwards.</summary>
    internal T Use<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public int DocumentCount => Use(s => s.IndexReader.NumDocs);

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        searchers.Dispose();

        // Disposing commits: during a rebuild only what the rebuild committed stays (the rest is marked in the database).
        if (NeedsRebuild)
        {
            writer.Rollback();
        }
        else
        {
            writer.Dispose();
        }

        directory.Dispose();
        Analyzer.Dispose();
    }

    /// <summary>
    /// The mark of the last commit of the index in <paramref name="folder"/> (null: no index, or none readable at this
    /// moment), as another process sees it while the owner writes: through <see cref="SegmentInfos.Read(Lucene.Net.Store.Directory)"/>,
    /// which retries as a reader does when a commit is being written or removed (listing the commits did not: a test
    /// read a segments file half written, "read past EOF").
    /// </summary>
    public static long? ReadMark(string folder)
    {
        using var directory = FsDirectory.Open(new DirectoryInfo(folder));
        try
        {
            if (!DirectoryReader.IndexExists(directory)) return null;
            var infos = new SegmentInfos();
            infos.Read(directory);
            return infos.UserData.TryGetValue(ChangeKey, out var value)
                && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var stored) ? stored : 0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private Dictionary<string, string> CommitData() => new()
    {
        [SchemaKey] = Schema,
        [ChangeKey] = Mark.ToString(CultureInfo.InvariantCulture),
    };

    private long StoredMark()
        => DirectoryReader.ListCommits(directory)[^1].UserData.TryGetValue(ChangeKey, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var stored) ? stored : 0;

    private string? StoredSchema()
        => DirectoryReader.ListCommits(directory)[^1].UserData.TryGetValue(SchemaKey, out var schema) ? schema : null;

    private IndexWriterConfig Config(OpenMode mode) => new(SearchAnalyzers.Version, Analyzer) { OpenMode = mode, RAMBufferSizeMB = writeBufferMB };

    private void CheckReadable()
    {
        using var reader = DirectoryReader.Open(directory);
        _ = reader.NumDocs;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index at {Folder} could not be opened ({Reason}): recreated empty, it will be rebuilt from the database")]
    private static partial void LogRecreated(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index at {Folder} holds schema {Found}, this version writes {Schema}: it will be rebuilt from the database")]
    private static partial void LogOutdated(ILogger logger, string folder, string found, string schema);
}
