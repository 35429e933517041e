using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
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
    private readonly SemaphoreSlim gate = new(1, 1);

    public Task MeetingsChangedAsync(CancellationToken cancellationToken) => IndexPendingAsync(cancellationToken);

    /// <summary>Indexes every meeting not indexed yet (all of them when the index had to be recreated); returns how many.</summary>
    public async Task<int> IndexPendingAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index.NeedsRebuild)
            {
                await MarkAllAsync(cancellationToken);
            }

            var total = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var batch = await db.Meetings.AsNoTracking().Where(m => !m.Indexed).OrderBy(m => m.Id).Take(Batch)
                    .Select(m => new { m.Id, m.MeetingKey, Team = m.Team!.Key, m.Channel, m.ReadAt }).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                var ids = batch.Select(m => m.Id).ToList();
                var meta = batch.ToDictionary(m => m.Id, m => (m.MeetingKey, m.Team, m.Channel));
                index.Replace(ids, await EntriesAsync(db, ids, meta, cancellationToken));
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

    public void Dispose() => gate.Dispose();

    private async Task MarkAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Meetings.ExecuteUpdateAsync(s => s.SetProperty(m => m.Indexed, false), cancellationToken);
        index.DeleteAll();
    }

    private static async Task<List<SearchEntry>> EntriesAsync(TrackerDb db, List<int> ids, Dictionary<int, (string Key, string Team, string? Channel)> meta, CancellationToken cancellationToken)
    {
        var entries = new List<SearchEntry>();
        var lines = await db.Lines.AsNoTracking().Where(l => ids.Contains(l.MeetingId)).ToListAsync(cancellationToken);
        entries.AddRange(lines.Select(l => Entry(meta, l.MeetingId, "line", l.Nick, l.PersonId, l.Time, l.Number, l.Text)));
        var topics = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.MeetingId)).ToListAsync(cancellationToken);
        var people = await db.PersonAliases.AsNoTracking().Select(a => new { a.Nick, a.PersonId }).ToListAsync(cancellationToken);
        var personOf = people.GroupBy(p => p.Nick, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().PersonId, StringComparer.OrdinalIgnoreCase);
        entries.AddRange(topics.Select(t => Entry(meta, t.MeetingId, "topic", t.Nick, personOf.TryGetValue(t.Nick, out var p) ? p : null, t.Time, t.Line, t.Title)));
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.RemovedAt == null).ToListAsync(cancellationToken);
        entries.AddRange(items.Select(i => Entry(meta, i.MeetingId, KindName(i.Kind), i.Nick, i.PersonId, i.Time, i.Line, i.Text)));
        return entries;
    }

    private static SearchEntry Entry(Dictionary<int, (string Key, string Team, string? Channel)> meta, int meetingId, string kind, string nick, int? person, DateTimeOffset time, int? line, string text)
    {
        var (key, team, channel) = meta[meetingId];
        return new SearchEntry(meetingId, key, team, channel, kind, nick, person, time, line, text);
    }

    /// <summary>The <c>kind:</c> names: those of the parse contract (info, idea, action, agreed, ...).</summary>
    internal static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: {Meetings} meetings indexed, {Documents} documents in all")]
    private partial void LogIndexed(int meetings, int documents);
}
