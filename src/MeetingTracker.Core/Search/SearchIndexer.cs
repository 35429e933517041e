using System.Collections.Concurrent;
using System.Threading.Channels;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Search;

/// <summary>
/// Keeps this node's index in step with the database through the change numbers (ADR 19): every meeting written with
/// a number above the index's <see cref="SearchIndex.Mark"/> has its documents replaced, a batch at a time, each batch
/// committed together with the number it reaches. Nothing is marked in the database, so any number of nodes, each with
/// its own index, follow the same writes. Safe to call at any time; cheap when nothing changed (one MAX on an index).
/// </summary>
public sealed partial class SearchIndexer(IDbContextFactory<TrackerDb> dbFactory, SearchIndex index, ILogger<SearchIndexer> logger) : IMeetingsChangedHandler, IDisposable
{
    private const int Batch = 2000;

    // Meetings a harvest hands over are indexed this many at a time (one read of their topics, items and aliases).
    private const int FollowChunk = 200;

    // Catch-ups and the follower's chunks one at a time: a follower never replaces documents with an older write's
    // after a catch-up indexed a newer one (it checks the meeting's number under this gate).
    private readonly SemaphoreSlim gate = new(1, 1);

    // Meetings the follower put in the index (not yet behind the mark), with the change number of the write it indexed:
    // the catch-up finds them above the mark and takes them as they are when nothing wrote them since.
    private readonly ConcurrentDictionary<int, long> followed = new();

    public Task MeetingsChangedAsync(CancellationToken cancellationToken) => IndexPendingAsync(cancellationToken);

    /// <summary>Whether the index holds this write of the meeting: behind the mark, or put there by the follower.</summary>
    public bool Holds(int meetingId, long change) => change <= index.Mark || (followed.TryGetValue(meetingId, out var indexed) && indexed == change);

    /// <summary>
    /// Indexes every meeting written above the index's mark (all of them when the index is new); returns how many it
    /// indexed. After a harvest that this process followed (<see cref="FollowAsync"/>) only the meetings another writer
    /// changed meanwhile are read again.
    /// </summary>
    public async Task<int> IndexPendingAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var mark = index.Mark;
                var last = await ChangeNumbers.LastAsync(db, cancellationToken);
                if (last <= mark) break;

                // Up to the number that ends a batch, all its meetings included (one write's meetings share a number).
                var upTo = await db.Meetings.Where(m => m.Change > mark).OrderBy(m => m.Change).Select(m => m.Change)
                    .Skip(Batch - 1).FirstOrDefaultAsync(cancellationToken);
                if (upTo == 0 || upTo > last) upTo = last;
                var batch = await db.Meetings.AsNoTracking().Where(m => m.Change > mark && m.Change <= upTo)
                    .Select(m => new { m.Id, m.MeetingKey, Team = m.Team!.Key, m.Channel, m.Change }).ToListAsync(cancellationToken);
                var todo = batch.Where(m => !(followed.TryGetValue(m.Id, out var change) && change == m.Change)).ToList();
                if (todo.Count > 0)
                {
                    var ids = todo.Select(m => m.Id).ToList();
                    var meta = todo.ToDictionary(m => m.Id, m => (m.MeetingKey, m.Team, m.Channel));
                    index.Replace(ids, await EntriesAsync(db, ids, meta, null, cancellationToken));
                }

                index.Commit(upTo);
                foreach (var m in batch) followed.TryRemove(m.Id, out _);
                total += todo.Count;
            }

            if (index.NeedsRebuild) index.MarkRebuilt();
            if (total > 0) LogIndexed(total, index.DocumentCount, index.Mark);
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
            index.DeleteAll();
            followed.Clear();
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
    /// <c>Batch</c> meetings. The mark does not move (another node may have written numbers in between): the catch-up
    /// at the end of the run moves it, reading again only the meetings written since they were handed over.
    /// </summary>
    public async Task FollowAsync(ChannelReader<WrittenMeeting> written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        var uncommitted = 0;
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
            uncommitted += chunk.Count;
            chunk.Clear();
            if (uncommitted >= Batch || (!open && uncommitted > 0))
            {
                index.Commit();
                uncommitted = 0;
            }
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task IndexWrittenAsync(List<WrittenMeeting> chunk, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var handed = chunk.Select(m => m.MeetingId).ToList();

            // Only meetings still holding the write handed over: one written again since is the catch-up's.
            var meta = await db.Meetings.AsNoTracking().Where(m => handed.Contains(m.Id))
                .Select(m => new { m.Id, m.MeetingKey, Team = m.Team!.Key, m.Channel, m.Change })
                .ToDictionaryAsync(m => m.Id, cancellationToken);
            var current = chunk.Where(m => meta.TryGetValue(m.MeetingId, out var stored) && stored.Change == m.Change && m.Change > index.Mark).ToList();
            if (current.Count == 0) return;
            var ids = current.Select(m => m.MeetingId).ToList();
            var lines = current.ToDictionary(m => m.MeetingId, m => m.Lines);
            index.Replace(ids, await EntriesAsync(db, ids, ids.ToDictionary(id => id, id => (meta[id].MeetingKey, meta[id].Team, meta[id].Channel)), lines, cancellationToken));
            foreach (var m in current) followed[m.MeetingId] = m.Change;
        }
        finally
        {
            gate.Release();
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: {Meetings} meetings indexed, {Documents} documents in all, up to change {Mark}")]
    private partial void LogIndexed(int meetings, int documents, long mark);
}
