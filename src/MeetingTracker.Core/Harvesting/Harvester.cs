using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// Keeps the database in step with one source: lists it, fetches what changed, reads each meeting from its source of
/// truth and writes it in one transaction. Files that cannot be fetched or read are recorded with their reason and the
/// run goes on. A run killed at any point leaves whole meetings only; the next run finishes the work.
/// Meetings with a log go first, so the bots their logs show are known to the source before its minutes-only meetings
/// are written; then the minutes-only ones and every stored meeting that still counts a bot as attendee (ADR 12).
/// Reading, parsing, writing and indexing overlap in one pipeline on the harvest's own low-priority threads
/// (<see cref="HarvestPipeline"/>, ADR 15); the <see cref="IMeetingsChangedHandler"/> listeners are told at the end.
/// </summary>
public sealed partial class Harvester(
    IDbContextFactory<TrackerDb> dbFactory,
    MeetbotSourceFactory sources,
    SourceLocks locks,
    TimeProvider clock,
    ILogger<Harvester> logger,
    IEnumerable<IMeetingsChangedHandler> listeners,
    Projects.TeamReferences references)
{
    /// <summary>The parser version stored with each meeting; a higher one re-reads every stored meeting.</summary>
    public int ParserVersion { get; init; } = MeetbotReader.Version;

    public async Task<HarvestSummary> HarvestAsync(SourceOptions options, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var lease = locks.Acquire(options.Name);
        var (sourceId, runId) = await StartRunAsync(options, cancellationToken);
        LogRunStarted(options.Name, runId, options.Location);
        var traffic = new SourceTraffic();
        var counts = new RunCounts();
        try
        {
            var source = sources.Create(options, traffic);
            DbListingCache cache;
            Dictionary<string, StoredFile> stored;
            SourceBotSet bots;
            Projects.TeamRules? rules;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                rules = await Projects.TeamRules.LoadAsync(references, db, cancellationToken);
                cache = await DbListingCache.LoadAsync(db, sourceId, cancellationToken);
                bots = await SourceBotSet.LoadAsync(db, sourceId, options.Bots, cancellationToken);
                stored = await db.Files.AsNoTracking().Where(f => f.SourceId == sourceId)
                    .Select(f => new StoredFile(f.Id, f.Path, f.Length, f.LastModified, f.ETag, f.Sha256, f.ParserVersion, f.MeetingId))
                    .ToDictionaryAsync(f => f.Path, StringComparer.Ordinal, cancellationToken);
            }

            progress?.Report(new HarvestProgress("listing", 0, 0));
            var listing = await source.ListAsync(cache, cancellationToken);
            var filter = SourceFilter.From(options);

            // Sources list only what the filter allows (IMeetbotSource); stored files are checked again, since the
            // filter may have changed since they were stored; a listed one needs no second look.
            var entries = listing.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
            var groups = MeetingFileGroup.Group(entries.Keys.Concat(stored.Keys.Where(p => !entries.ContainsKey(p) && filter.AllowsFile(p))), out _);
            using var store = await MeetingStore.OpenAsync(dbFactory, sourceId, runId, ParserVersion, clock, bots, cancellationToken);
            await store.RecordFailuresAsync(listing.Failures, cancellationToken);
            counts.ListingFailures = listing.Failures.Count;

            var reader = new MeetingPreparer(source, dbFactory, entries, stored, ParserVersion, rules);
            using var pipeline = new HarvestPipeline(options.Concurrency, reader, store, counts, progress, groups.Count, LogMeetingFailed, LogFollowerFailed);
            await using (var following = pipeline.Follow(listeners.OfType<IWrittenMeetingsFollower>(), cancellationToken))
            {
                var known = bots.Nicks.Count;
                var stale = await StaleMeetingsAsync(bots, cancellationToken);
                await pipeline.RunAsync(groups.Where(ShowsItsBot), g => IsStored(g, stored, stale), cancellationToken);
                if (bots.Nicks.Count != known) stale = await StaleMeetingsAsync(bots, cancellationToken);
                await pipeline.RunAsync(groups.Where(g => !ShowsItsBot(g)), g => IsStored(g, stored, stale), cancellationToken);
                await following.CompleteAsync();
            }

            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await cache.SaveAsync(db, sourceId, clock.GetUtcNow(), cancellationToken);
            }

            progress?.Report(new HarvestProgress("indexing", groups.Count, groups.Count));
            foreach (var listener in listeners)
            {
                await listener.MeetingsChangedAsync(cancellationToken);
            }

            return await FinishRunAsync(runId, HarvestStatus.Succeeded, null, counts, traffic, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop (the host shutting down on SIGTERM, Ctrl-C on the command line): every meeting written is
            // whole (one transaction each), and the next run, at the next start, finishes the work.
            await FinishRunAsync(runId, HarvestStatus.Interrupted, InterruptedReason, counts, traffic, CancellationToken.None);
            throw;
        }
        catch (SourceException e)
        {
            LogRunFailed(options.Name, runId, e.Message);
            return await FinishRunAsync(runId, HarvestStatus.Failed, e.Message, counts, traffic, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRunFailed(options.Name, runId, e.ToString());
            await FinishRunAsync(runId, HarvestStatus.Failed, $"{e.GetType().Name}: {e.Message}", counts, traffic, CancellationToken.None);
            throw;
        }
    }

    private async Task<HashSet<int>> StaleMeetingsAsync(SourceBotSet bots, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await bots.StaleMeetingsAsync(db, cancellationToken);
    }

    // Readers that see the log (.log.txt, .log.html, moin's embedded log) find the bot by its behaviour.
    private static bool ShowsItsBot(MeetingFileGroup group)
        => group.Files.ContainsKey(MeetbotFormat.LogTxt) || group.Files.ContainsKey(MeetbotFormat.LogHtml) || group.Files.ContainsKey(MeetbotFormat.Moin);

    private static bool IsStored(MeetingFileGroup group, Dictionary<string, StoredFile> stored, HashSet<int> meetings)
        => meetings.Count > 0 && group.Files.Values.Any(p => stored.GetValueOrDefault(p)?.MeetingId is { } id && meetings.Contains(id));

    private async Task<(int SourceId, int RunId)> StartRunAsync(SourceOptions options, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Name == options.Name, cancellationToken);
        if (source is null)
        {
            source = new Source { Name = options.Name, Location = options.Location, CreatedAt = now };
            db.Sources.Add(source);
        }

        source.Location = options.Location;

        // We hold the source's lock: a run still marked as running was stopped with its process.
        await db.Runs.Where(r => r.SourceId == source.Id && r.Status == HarvestStatus.Running).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, HarvestStatus.Interrupted).SetProperty(r => r.Error, "the process stopped during the run (killed: it could not say so)"),
            cancellationToken);
        var run = new HarvestRun { Source = source, StartedAt = now, Status = HarvestStatus.Running };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return (source.Id, run.Id);
    }

    private async Task<HarvestSummary> FinishRunAsync(int runId, HarvestStatus status, string? error, RunCounts counts, SourceTraffic traffic, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.SingleAsync(r => r.Id == runId, cancellationToken);
        run.Status = status;
        run.Error = error;
        run.EndedAt = clock.GetUtcNow();
        run.MeetingsNew = counts.New;
        run.MeetingsUpdated = counts.Updated;
        run.MeetingsUnchanged = counts.Unchanged;
        run.MeetingsFailed = counts.Failed;
        run.FilesFetched = traffic.Bodies;
        run.BytesFetched = traffic.Bytes;
        run.NotModified = traffic.NotModified;
        await db.SaveChangesAsync(cancellationToken);
        LogRunFinished(runId, status, counts.New, counts.Updated, counts.Unchanged, counts.Failed, traffic.Bodies, traffic.NotModified);
        return new HarvestSummary(runId, status, counts.New, counts.Updated, counts.Unchanged, counts.Failed, traffic.Bodies, traffic.Bytes, traffic.NotModified, traffic.Requests)
        {
            Error = error,
            FoldersFailed = counts.ListingFailures,
        };
    }

    /// <summary>Why a run asked to stop ended early.</summary>
    public const string InterruptedReason = "stopped before the end: the process was asked to stop; the next run finishes the work";

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest {RunId} of {Source} ({Location}) started")]
    private partial void LogRunStarted(string source, int runId, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest {RunId} {Status}: {New} new, {Updated} updated, {Unchanged} unchanged, {Failed} failed meetings; {Bodies} bodies, {NotModified} not modified")]
    private partial void LogRunFinished(int runId, HarvestStatus status, int @new, int updated, int unchanged, int failed, int bodies, int notModified);

    [LoggerMessage(Level = LogLevel.Error, Message = "Harvest {RunId} of {Source} failed: {Error}")]
    private partial void LogRunFailed(string source, int runId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingKey} could not be read: {Reasons}")]
    private partial void LogMeetingFailed(string meetingKey, string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Follower} stopped following the harvest (its catch-up at the end takes over): {Error}")]
    private partial void LogFollowerFailed(string follower, string error);
}
