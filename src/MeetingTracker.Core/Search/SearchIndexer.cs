using MeetingTracker.Core.Harvesting;
using System.Threading.Channels;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Search;

/// <summary>
/// Keeps the index in step with the database: every meeting written since it was last indexed (<c>Indexed = false</c>)
/// has its documents replaced, a batch at a time, each batch committed and made visible. Marks are set only for the
/// read that was indexed, so a meeting re-written meanwhile is indexed again. Safe to call at any time, from any host.
/// </summary>
public sealed partial class SearchIndexer(IDbContextFactory<TrackerDb> dbFactory, SearchIndex index, ILogger<SearchIndexer> logger) : IMeetingsChangedHandler, IDisposable
{
    private const int Batch = 2000;

    // Meetings a harvest hands over are indexed this many at a time (one read of their topics, items and aliases).
    private const int FollowChunk = 200;

    private readonly SemaphoreSlim gate = new(1, 1);

    // The index had to be recreated and every meeting was marked for it: not to be done again by this process.
    private bool allMarked;

    public Task MeetingsChangedAsync(CancellationToken cancellationToken) => IndexPendingAsync(cancellationToken);

    /// <summary>
    /// Indexes every meeting not indexed yet (all of them when the index had to be recreated); returns how many. After a
    /// harvest that this process followed (<see cref="FollowAsync"/>) it finds only what the harvest could not hand over.
    /// </summary>
    public async Task<int> IndexPendingAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await MarkAllIfRecreatedAsync(cancellationToken);
            var total = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var batch = await db.Meetings.AsNoTracking().Where(m => !m.Indexed).OrderBy(m => m.Id).Take(Batch)
                    .Select(m => new { m.Id, m.MeetingKey, Team = m.Team!.Key, m.Channel, m.ReadAt }).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                var ids = batch.Select(m => m.Id).ToList();
                var meta = batch.ToDictionary(m => m.Id, m => (m.MeetingKey, m.Team, m.Channel));
                index.Replace(ids, await EntriesAsync(db, ids, meta, null, cancellationToken));
                index.Commit();
                foreach (var m in batch)
                {
                    await db.Meetings.Where(x => x.Id == m.Id && x.ReadAt == m.ReadAt).ExecuteUpdateAsync(s => s.SetProperty(x => x.Indexed, true), cancellationToken);
                }

                total += batch.Count;
            }

            index.MarkRebuilt();
            if (total > 0) LogIndexed(total, index.DocumentCount);
            return total;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Empties the index and indexes every meeting again (<c>meetingtracker reindex</c>).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await MarkAllAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        return await IndexPendingAsync(cancellationToken);
    }

    /// <summary>
    /// Indexes the meetings a harvest writes as it writes them, from the rows it stored (their log lines, most of
    /// the documents, straight from memory; topics, items and names read back a chunk at a time), committing every
    /// <c>Batch</c> meetings and then marking them through <paramref name="marks"/>. Meetings handed over but not
    /// marked (the run stopped, a later write changed them) keep their mark unset: <see cref="IndexPendingAsync"/>
    /// takes them at the end of the run.
    /// </summary>
    public async Task FollowAsync(ChannelReader<WrittenMeeting> written, IWrittenMeetingMarks marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(marks);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await MarkAllIfRecreatedAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        var uncommitted = new List<WrittenMeeting>();
        var chunk = new List<WrittenMeeting>(FollowChunk);
        var open = true;
        while (open)
        {
            // A full chunk, or what is left when the writer is done: one read of the database per chunk.
            while (chunk.Count < FollowChunk && (open = await written.WaitToReadAsync(cancellationToken)))
            {
                while (chunk.Count < FollowChunk && written.TryRead(out var meeting)) chunk.Add(meeting);
            }

            if (chunk.Count > 0) await IndexWrittenAsync(chunk, cancellationToken);
            uncommitted.AddRange(chunk);
            chunk.Clear();
            if (uncommitted.Count >= Batch || (!open && uncommitted.Count > 0))
            {
                index.Commit();
                await marks.MarkIndexedAsync(uncommitted, cancellationToken);
                uncommitted.Clear();
            }
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task IndexWrittenAsync(List<WrittenMeeting> chunk, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = chunk.Select(m => m.MeetingId).ToList();
        var meta = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.MeetingKey, Team = m.Team!.Key, m.Channel })
            .ToDictionaryAsync(m => m.Id, m => (m.MeetingKey, m.Team, m.Channel), cancellationToken);
        var lines = chunk.ToDictionary(m => m.MeetingId, m => m.Lines);
        index.Replace(ids, await EntriesAsync(db, ids, meta, lines, cancellationToken));
    }

    private async Task MarkAllIfRecreatedAsync(CancellationToken cancellationToken)
    {
        if (index.NeedsRebuild && !allMarked)
        {
            await MarkAllAsync(cancellationToken);
            allMarked = true;
        }
    }

    private async Task MarkAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Meetings.ExecuteUpdateAsync(s => s.SetProperty(m => m.Indexed, false), cancellationToken);
        index.DeleteAll();
    }

    /// <param name="written">The meetings' log lines as a harvest just stored them, or null to read them.</param>
    private static async Task<List<SearchEntry>> EntriesAsync(
        TrackerDb db, List<int> ids, Dictionary<int, (string Key, string Team, string? Channel)> meta, Dictionary<int, IReadOnlyList<LogLineRow>>? written, CancellationToken cancellationToken)
    {
        var entries = new List<SearchEntry>();
        var lines = written is null
            ? await db.Lines.AsNoTracking().Where(l => ids.Contains(l.MeetingId)).ToListAsync(cancellationToken)
            : ids.SelectMany(id => written[id]);
        var topics = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.MeetingId)).ToListAsync(cancellationToken);
        var under = TopicSpans.Of(topics);
        entries.AddRange(lines.Select(l => Entry(meta, l.MeetingId, "line", l.Nick, l.PersonId, StoredTime(l.Time), l.Number, l.Text) with { Topic = under.AtLine(l.MeetingId, l.Number) }));
        var people = await db.PersonAliases.AsNoTracking().Select(a => new { a.Nick, a.PersonId }).ToListAsync(cancellationToken);
        var personOf = people.GroupBy(p => p.Nick, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().PersonId, StringComparer.OrdinalIgnoreCase);
        entries.AddRange(topics.Select(t => Entry(meta, t.MeetingId, "topic", t.Nick, personOf.TryGetValue(t.Nick, out var p) ? p : null, t.Time, t.Line, t.Title) with { Topic = t.Title }));
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.RemovedAt == null).ToListAsync(cancellationToken);
        entries.AddRange(items.Select(i => Entry(meta, i.MeetingId, KindName(i.Kind), i.Nick, i.PersonId, i.Time, i.Line, i.Text) with { Topic = under.Of(i.MeetingId, i.TopicOrdinal) }));
        return entries;
    }

    private static SearchEntry Entry(Dictionary<int, (string Key, string Team, string? Channel)> meta, int meetingId, string kind, string nick, int? person, DateTimeOffset time, int? line, string text)
    {
        var (key, team, channel) = meta[meetingId];
        return new SearchEntry(meetingId, key, team, channel, kind, nick, person, time, line, text);
    }

    // What the database gives back for a time it stored (its converter keeps tenths of milliseconds).
    private static DateTimeOffset StoredTime(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 1000), TimeSpan.Zero);

    /// <summary>The <c>kind:</c> names: those of the parse contract (info, idea, action, agreed, ...).</summary>
    internal static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: {Meetings} meetings indexed, {Documents} documents in all")]
    private partial void LogIndexed(int meetings, int documents);
}
