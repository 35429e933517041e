using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Projects;

/// <summary>
/// Finds the mentions again of every meeting whose stamp is not its team's now (<see cref="TeamReferences"/>): meetings
/// stored before mentions were found, or under older rules, or under patterns the team's configuration has changed
/// since, or moved to another team by an alias edit. A harvest finds those of the meetings it reads itself, so after
/// one this is a single look at the stamps. Reads the stored lines and items, a batch of meetings a transaction; a
/// meeting read again meanwhile (its read time moved) is left to its own read.
/// </summary>
public sealed partial class MentionsRefresh(IDbContextFactory<TrackerDb> dbFactory, TeamReferences references, ILogger<MentionsRefresh> logger)
    : IMeetingsChangedHandler, IDisposable
{
    private const int Batch = 64;

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        if (!references.Enabled) return;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var refreshed = await RefreshAsync(cancellationToken);
            if (refreshed > 0) LogRefreshed(refreshed);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Brings every meeting's mentions to its team's rules; returns how many meetings it read.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        List<(int Id, DateTimeOffset ReadAt, ReferenceFinder Finder, string Stamp)> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var names = await TeamReferences.TeamNamesAsync(db, cancellationToken);
            var meetings = await db.Meetings.AsNoTracking().Select(m => new { m.Id, m.TeamId, m.ReadAt, m.ReferencesStamp }).ToListAsync(cancellationToken);
            stale = [.. meetings
                .Select(m => (m.Id, m.ReadAt, m.ReferencesStamp, Rules: references.For(names.GetValueOrDefault(m.TeamId) ?? [])))
                .Where(m => !string.Equals(m.ReferencesStamp, m.Rules.Stamp, StringComparison.Ordinal))
                .Select(m => (m.Id, m.ReadAt, m.Rules.Finder, m.Rules.Stamp))];
        }

        foreach (var chunk in stale.Chunk(Batch))
        {
            await RefreshBatchAsync(chunk, cancellationToken);
        }

        return stale.Count;
    }

    private async Task RefreshBatchAsync((int Id, DateTimeOffset ReadAt, ReferenceFinder Finder, string Stamp)[] batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(b => b.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = (await db.Lines.AsNoTracking().Where(l => ids.Contains(l.MeetingId)).Select(l => new { l.MeetingId, l.Number, l.Text }).ToListAsync(cancellationToken))
            .ToLookup(l => l.MeetingId);
        var items = (await db.Items.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.RemovedAt == null).Select(i => new { i.MeetingId, i.Number, i.Line, i.Text }).ToListAsync(cancellationToken))
            .ToLookup(i => i.MeetingId);
        var found = batch.Select(b => (b, Mentions: MeetingMentions.Find(
            b.Finder,
            b.Id,
            [.. lines[b.Id].OrderBy(l => l.Number).Select(l => (l.Number, l.Text))],
            [.. items[b.Id].OrderBy(i => i.Number).Select(i => (i.Number, i.Line, i.Text))]))).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var rows = new RowInserts(db);
        foreach (var (meeting, mentions) in found)
        {
            // Taking the stamp first takes the write lock: a harvest reading the meeting again waits, or has already
            // moved its read time and written its own mentions.
            var (id, readAt, stamp) = (meeting.Id, meeting.ReadAt, meeting.Stamp);
            var taken = await db.Meetings.Where(m => m.Id == id && m.ReadAt == readAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReferencesStamp, stamp), cancellationToken);
            if (taken == 0) continue;
            await db.Mentions.Where(m => m.MeetingId == id).ExecuteDeleteAsync(cancellationToken);
            await rows.InsertAllAsync(mentions, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Project mentions found again in {Meetings} meetings")]
    private partial void LogRefreshed(int meetings);
}
