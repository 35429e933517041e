using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// The searched corpus: the ingest suite's generated server (<c>tree/</c>) imported from the folder into <c>data/</c>
/// by the harvester, which indexes it on the way. A marker file says the import finished, so <c>--reuse</c> can trust
/// the tree and the database; it rebuilds the index (timed) with the engine being measured.
/// </summary>
public sealed record SearchCorpus(string Tree, string DataDir, int Meetings, int Lines, int Items, int Topics, int Documents, long IndexBytes, long DatabaseBytes, TimeSpan? ImportTime)
{
    /// <summary>The name of the folder source the corpus was imported from.</summary>
    public const string SourceName = "bench-folder";

    /// <summary>The file in <c>data/</c> that says the import of the tree finished (its content: the meetings asked for).</summary>
    public const string Marker = "search-bench.ok";

    public static async Task<(SearchCorpus Corpus, HarvestRig Rig)> PrepareAsync(string work, int meetings, bool reuse, CancellationToken cancellationToken)
    {
        var tree = Path.Combine(work, "tree");
        var dataDir = Path.Combine(work, "data");
        var marker = Path.Combine(dataDir, Marker);
        var expected = meetings.ToString(CultureInfo.InvariantCulture);
        TimeSpan? import = null;
        HarvestRig rig;
        if (reuse && Directory.Exists(tree) && File.Exists(marker) && File.ReadAllText(marker).Trim() == expected)
        {
            // The index is rebuilt: one written by an older build of the engine may not match its fields.
            rig = await HarvestRig.OpenAsync(dataDir, cancellationToken);
            var watch = Stopwatch.StartNew();
            var indexed = await rig.Get<SearchIndexer>().RebuildAsync(cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reusing {tree} and the database in {dataDir}; index rebuilt: {indexed:N0} meetings in {watch.Elapsed.TotalSeconds:F1} s"));
        }
        else
        {
            var watch = Stopwatch.StartNew();
            var server = BenchServer.Generate(tree, meetings, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {watch.Elapsed.TotalSeconds:F1} s; {server.Meetings:N0} meetings ({server.Teams} teams × {server.Weeks} weeks, Fedora layout, seed 42), {server.Files:N0} files, {server.MiB:F1} MiB"));
            rig = await HarvestRig.CreateAsync(dataDir, cancellationToken);
            var (summary, elapsed) = await rig.HarvestAsync(new SourceOptions { Name = SourceName, Location = server.Root }, cancellationToken);
            if (summary.New != server.Meetings) throw new InvalidOperationException($"import: {summary.MeetingsLine}, expected {server.Meetings} new");
            import = elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import and index: {elapsed.TotalSeconds:F1} s; {summary.MeetingsLine}"));
            await File.WriteAllTextAsync(marker, expected, cancellationToken);
        }

        await using var db = await rig.Get<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(cancellationToken);
        var corpus = new SearchCorpus(
            tree,
            dataDir,
            await db.Meetings.CountAsync(cancellationToken),
            await db.Lines.CountAsync(cancellationToken),
            await db.Items.CountAsync(i => i.RemovedAt == null, cancellationToken),
            await db.Topics.CountAsync(cancellationToken),
            rig.Get<SearchIndex>().DocumentCount,
            FolderBytes(Path.Combine(dataDir, SearchSetup.IndexFolder)),
            rig.DatabaseBytes(),
            import);
        var pending = await db.Meetings.CountAsync(m => m.Change > rig.Get<SearchIndex>().Mark, cancellationToken);
        if (pending > 0 || corpus.Documents != corpus.Lines + corpus.Items + corpus.Topics)
        {
            throw new InvalidOperationException($"index not in step: {pending} meetings not indexed, {corpus.Documents} documents for {corpus.Lines} lines + {corpus.Items} items + {corpus.Topics} topics");
        }

        Console.WriteLine(corpus.Describe());
        return (corpus, rig);
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"corpus: {Meetings:N0} meetings, {Lines:N0} log lines, {Items:N0} items, {Topics:N0} topics; index {Documents:N0} documents, {IndexBytes / 1_048_576.0:F1} MiB on disk; database {DatabaseBytes / 1_048_576.0:F0} MiB");

    public static long FolderBytes(string folder)
        => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
