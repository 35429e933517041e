using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Caching;

/// <summary>
/// Evicts from the page cache what a change makes wrong, and nothing else. It compares what the database holds with what
/// it saw last: the meetings' <see cref="DataStamp"/> (a harvest or re-read here or in another process: the meetings
/// written since, by their change numbers, their teams and the people who attended them) and the events ledger (a state, take, offer... said
/// through this site, another node or the command line: the subject's pages, its team's accountability, its owners,
/// and every person's page when who owns it changed). It runs after each harvest here (<see cref="MeetingsChangedAsync"/>),
/// after each write of this process that other readers see (<see cref="PageCacheWrites"/>, before the answer to the
/// form that made it), and every <see cref="Interval"/> for the other processes. What it cannot place (an alias edit,
/// a claim, more events than the ledger keeps in view) evicts every page. <see cref="Generation"/> counts evictions,
/// so a render that overlapped one is not stored (<see cref="ConditionalResponses"/>).
/// </summary>
public sealed partial class PageCacheEviction(
    IOutputCacheStore store,
    IDbContextFactory<TrackerDb> dbFactory,
    EventLedger ledger,
    AccountabilityService accountability,
    ILogger<PageCacheEviction> logger) : BackgroundService, IMeetingsChangedHandler
{
    /// <summary>How often changes made by other processes are looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private long generation;
    private int harvesting;
    private Seen? seen;

    // The meetings' stamp at the end of the last harvest in this process: a harvest's end evicts every meeting it read,
    // even those a look during the run already evicted (pages rendered meanwhile used answers only its end refreshes).
    private Read? harvested;

    /// <summary>
    /// Whether a harvest runs in this process: its end evicts what it wrote, so a page made meanwhile from answers older
    /// than its commits may be kept until then.
    /// </summary>
    public bool HarvestRunning => Volatile.Read(ref harvesting) > 0;

    /// <summary>How many evictions happened so far.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>A harvest or re-read in this process ended (after the search index and the answer caches caught up).</summary>
    public Task MeetingsChangedAsync(CancellationToken cancellationToken) => CatchUpAsync(sinceHarvest: true, cancellationToken);

    /// <summary>Compares the database with what was seen last and evicts what changed.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => CatchUpAsync(sinceHarvest: false, cancellationToken);

    /// <summary>
    /// A harvest runs in this process until the result is disposed: the looks leave its meetings to its end, which
    /// evicts them at once after the answer caches caught up (pages rendered meanwhile would read answers only that end
    /// refreshes, and evicting the same team and people pages every second would only make them render again). A run
    /// that fails has no end to tell: the next look after it evicts what it wrote.
    /// </summary>
    public IDisposable Harvesting()
    {
        Interlocked.Increment(ref harvesting);
        return new Release(() => Interlocked.Decrement(ref harvesting));
    }

    /// <summary>Evicts every page (an alias edit, a claim decided: the names and owners of many pages).</summary>
    public async Task EvictAllAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref generation);
        await store.EvictByTagAsync(PageTags.Site, cancellationToken);
    }

    private async Task CatchUpAsync(bool sinceHarvest, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var before = seen;
            var stamp = await ReadAsync(db, before?.Stamp, cancellationToken);
            var view = await ledger.ReadAsync(cancellationToken);
            var held = !sinceHarvest && Volatile.Read(ref harvesting) > 0 && before is not null;
            var meetingsBefore = sinceHarvest ? harvested : held ? stamp : before?.Stamp;
            seen = new Seen(held ? before!.Stamp : stamp, view.Folded, [.. view.Recent.Select(e => e.Id)]);
            if (sinceHarvest || harvested is null) harvested = stamp;
            if (before is null || meetingsBefore is null) return;

            var tags = new HashSet<string>(StringComparer.Ordinal);
            var everything = await MeetingTagsAsync(db, meetingsBefore, stamp, tags, cancellationToken)
                | await EventTagsAsync(db, before, view, tags, cancellationToken);
            if (everything)
            {
                await EvictAllAsync(cancellationToken);
                LogEvicted(1, PageTags.Site);
                return;
            }

            if (tags.Count == 0) return;
            Interlocked.Increment(ref generation);
            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                var shown = string.Join(' ', tags.Take(20));
                LogEvicted(tags.Count, shown);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    // The meetings written since the last look (new ones, re-reads: a change number above the last one seen, ADR 19),
    // their teams, their attendees and the people their actions name. Fewer meetings, or meetings that changed team
    // (the team sum moved by more than the new meetings bring: an alias edit), cannot be placed: everything.
    private static async Task<bool> MeetingTagsAsync(TrackerDb db, Read before, Read now, HashSet<string> tags, CancellationToken cancellationToken)
    {
        if (now.Stamp == before.Stamp) return false;
        if (now.Stamp.Meetings < before.Stamp.Meetings || now.Stamp.LastChange == before.Stamp.LastChange) return true;
        var since = before.Stamp.LastChange;
        var meetings = await db.Meetings.Where(m => m.Change > since).Select(m => new { m.Id, m.TeamId, m.Team!.Key }).ToListAsync(cancellationToken);
        var lastMeeting = before.Stamp.LastMeeting ?? 0;
        if (now.Stamp.TeamSum - before.Stamp.TeamSum != meetings.Where(m => m.Id > lastMeeting).Sum(m => (long)m.TeamId)) return true;
        var ids = meetings.Select(m => m.Id).ToList();
        var people = await db.Attendance.Where(a => ids.Contains(a.MeetingId)).Select(a => a.PersonId)
            .Union(db.Items.Where(i => ids.Contains(i.MeetingId)).SelectMany(i => i.Owners).Select(o => o.PersonId)).ToListAsync(cancellationToken);
        tags.Add(PageTags.Lists);
        foreach (var meeting in meetings)
        {
            tags.Add(PageTags.Meeting(meeting.Id));
            tags.Add(PageTags.Team(meeting.Key));
            tags.Add(PageTags.TeamAccountability(meeting.Key));
        }

        foreach (var person in people) tags.Add(PageTags.Person(person));
        return false;
    }

    // The events folded since the last look. The ledger keeps the newest events in view; more than that at once
    // cannot be placed: everything.
    private async Task<bool> EventTagsAsync(TrackerDb db, Seen before, LedgerView view, HashSet<string> tags, CancellationToken cancellationToken)
    {
        var added = view.Folded - before.Events;
        if (added <= 0) return false;
        var fresh = view.Recent.Where(e => !before.Recent.Contains(e.Id)).ToList();
        if (fresh.Count < added) return true;

        var snapshot = await accountability.SnapshotAsync(cancellationToken);
        var items = new List<int>();
        var teams = new HashSet<int>();
        tags.Add(PageTags.Lists);
        foreach (var e in fresh)
        {
            if (e.Kind is EventKind.Take or EventKind.Reassign or EventKind.Undo or EventKind.Champion) tags.Add(PageTags.People);
            if (e.Subject == EventSubject.Action)
            {
                tags.Add(PageTags.Action(e.SubjectId));
                if (snapshot.Action(e.SubjectId) is not { } chain) continue;
                teams.Add(chain.TeamId);
                items.Add(chain.First.ItemId);
                items.Add(chain.Latest.ItemId);
            }
            else
            {
                tags.Add(PageTags.Idea(e.SubjectId));
                if (snapshot.Idea(e.SubjectId) is not { } trail) continue;
                teams.Add(trail.TeamId);
                if (trail.Idea.PersonId is { } author) tags.Add(PageTags.Person(author));
            }
        }

        var owners = await db.ItemOwners.Where(o => items.Contains(o.ItemId)).Select(o => o.PersonId).Distinct().ToListAsync(cancellationToken);
        foreach (var owner in owners) tags.Add(PageTags.Person(owner));
        var keys = await db.Teams.Where(t => teams.Contains(t.Id)).Select(t => t.Key).ToListAsync(cancellationToken);
        foreach (var key in keys) tags.Add(PageTags.TeamAccountability(key));
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database busy or gone for a moment: the next look tries again.
                LogFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    private sealed record Seen(Read Stamp, int Events, HashSet<long> Recent);

    /// <summary>The meetings' data stamp as one look saw it.</summary>
    private sealed record Read(DataStamp Stamp);

    private static async Task<Read> ReadAsync(TrackerDb db, Read? previous, CancellationToken cancellationToken)
    {
        var stamp = await DataStamp.ReadAsync(db, cancellationToken);
        return previous is not null && previous.Stamp == stamp ? previous : new Read(stamp);
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0) release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Page cache: {Count} tags evicted ({Tags})")]
    private partial void LogEvicted(int count, string tags);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page cache: could not look for changes: {Error}")]
    private partial void LogFailed(string error);
}
