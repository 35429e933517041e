using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Keeps <see cref="Item.Owners"/> of every action item on the rule of <see cref="ActionOwners"/>, after every harvest
/// and alias edit: a person first known in a later meeting owns the earlier actions that name them, so it runs over all
/// actions at once rather than per meeting. One pass: reads aliases, attendance, item texts and owners, writes only the
/// differences in one transaction. It is the only writer of action owners (<see cref="MeetingWriter"/> leaves them to
/// it). Removed items keep what they had. A source's bots (ADR 12) own nothing, even where a nick is a person elsewhere.
/// </summary>
public sealed partial class ActionOwnersRefresh(IDbContextFactory<TrackerDb> dbFactory, ILogger<ActionOwnersRefresh> logger) : IMeetingsChangedHandler, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Fingerprint? refreshed;

    /// <summary>
    /// Refreshes unless nothing it reads changed since its last refresh in this process (a scheduled harvest that found
    /// nothing new then costs a few aggregate queries, not a pass over every item).
    /// </summary>
    public async Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = await FingerprintAsync(cancellationToken);
            if (now == refreshed) return;
            var (added, removed, renamed) = await RefreshAsync(cancellationToken);
            if (added + removed + renamed > 0) LogRefreshed(added, removed, renamed);
            refreshed = now;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Fingerprint> FingerprintAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new Fingerprint(
            await DataStamp.ReadAsync(db, cancellationToken),
            await db.PersonAliases.CountAsync(cancellationToken),
            await db.PersonAliases.SumAsync(a => (long)a.PersonId, cancellationToken),
            await db.SourceBots.CountAsync(cancellationToken),
            await db.Attendance.CountAsync(cancellationToken));
    }

    private sealed record Fingerprint(DataStamp Data, int Aliases, long AliasPeople, int Bots, int Attendance);

    /// <summary>Brings the stored owners to the rule; returns the rows added, removed and whose nick changed.</summary>
    public async Task<(int Added, int Removed, int Renamed)> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var aliases = await db.PersonAliases.AsNoTracking().Select(a => new { a.Nick, a.PersonId }).ToListAsync(cancellationToken);
        var nicks = NickIndex.Build(aliases.Select(a => (a.Nick, a.PersonId)));
        var attendance = (await db.Attendance.AsNoTracking().Select(a => new { a.PersonId, a.MeetingId }).ToListAsync(cancellationToken))
            .Select(a => (a.PersonId, a.MeetingId)).ToHashSet();
        var items = await db.Items.AsNoTracking().Where(i => i.RemovedAt == null)
            .Select(i => new { i.Id, i.MeetingId, i.Kind, i.Text }).ToListAsync(cancellationToken);
        var common = CommonWordNicks.Compute(items.Select(i => (i.MeetingId, i.Text)), nicks, (p, m) => attendance.Contains((p, m)));

        var sourceOf = await db.Meetings.AsNoTracking().Select(m => new { m.Id, m.SourceId }).ToDictionaryAsync(m => m.Id, m => m.SourceId, cancellationToken);
        var bots = (await db.SourceBots.AsNoTracking().Select(b => new { b.SourceId, b.Nick }).ToListAsync(cancellationToken))
            .ToLookup(b => b.SourceId, b => b.Nick)
            .ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.OrdinalIgnoreCase));

        var actions = items.Where(i => i.Kind == ItemKind.Action).ToList();
        var actionIds = actions.Select(a => a.Id).ToHashSet();
        var stored = (await db.ItemOwners.ToListAsync(cancellationToken)).Where(o => actionIds.Contains(o.ItemId)).ToLookup(o => o.ItemId);
        int added = 0, removed = 0, renamed = 0;
        foreach (var action in actions)
        {
            var sourceBots = bots.GetValueOrDefault(sourceOf[action.MeetingId]);
            var wanted = ActionOwners.Of(action.Text, nicks, common, sourceBots is null ? null : n => sourceBots.Contains(n) || sourceBots.Contains(NickVariants.BaseNick(n)));
            var have = stored[action.Id].ToList();
            foreach (var row in have.Where(o => !wanted.Exists(w => w.PersonId == o.PersonId)))
            {
                db.ItemOwners.Remove(row);
                removed++;
            }

            foreach (var owner in wanted)
            {
                if (have.Find(o => o.PersonId == owner.PersonId) is not { } row)
                {
                    db.ItemOwners.Add(new ItemOwner { ItemId = action.Id, PersonId = owner.PersonId, Nick = owner.Nick });
                    added++;
                }
                else if (!string.Equals(row.Nick, owner.Nick, StringComparison.Ordinal))
                {
                    row.Nick = owner.Nick;
                    renamed++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (added, removed, renamed);
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Action owners refreshed: {Added} added, {Removed} removed, {Renamed} renamed")]
    private partial void LogRefreshed(int added, int removed, int renamed);
}
