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

    /// <summary>
    /// Brings the stored owners to the rule; returns the rows added, removed and whose nick changed. Item texts are
    /// streamed, twice (every item for the common words, then the actions), and the stored owners read untracked: only
    /// the rows that change are given to the change tracker. Holding every text and tracking every owner at once grew
    /// the web host's heap by about 65 MB after a harvest of 2,000 meetings (ADR 17).
    /// </summary>
    public async Task<(int Added, int Removed, int Renamed)> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var aliases = await db.PersonAliases.AsNoTracking().Select(a => new { a.Nick, a.PersonId }).ToListAsync(cancellationToken);
        var nicks = NickIndex.Build(aliases.Select(a => (a.Nick, a.PersonId)));
        var common = await CommonWordsAsync(db, nicks, cancellationToken);

        var sourceOf = await db.Meetings.AsNoTracking().Select(m => new { m.Id, m.SourceId }).ToDictionaryAsync(m => m.Id, m => m.SourceId, cancellationToken);
        var bots = (await db.SourceBots.AsNoTracking().Select(b => new { b.SourceId, b.Nick }).ToListAsync(cancellationToken))
            .ToLookup(b => b.SourceId, b => b.Nick)
            .ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.OrdinalIgnoreCase));

        // Owners of removed items, or of items that are no longer actions, are left as they are: only the actions
        // streamed below look theirs up.
        var stored = (await db.ItemOwners.AsNoTracking().Select(o => new { o.ItemId, o.PersonId, o.Nick }).ToListAsync(cancellationToken))
            .ToLookup(o => o.ItemId, o => (o.PersonId, o.Nick));
        var removing = new List<ItemOwner>();
        var adding = new List<ItemOwner>();
        var renaming = new List<(ItemOwner Row, string Nick)>();
        await foreach (var action in db.Items.AsNoTracking().Where(i => i.RemovedAt == null && i.Kind == ItemKind.Action)
            .Select(i => new { i.Id, i.MeetingId, i.Text }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var sourceBots = bots.GetValueOrDefault(sourceOf[action.MeetingId]);
            var wanted = ActionOwners.Of(action.Text, nicks, common, sourceBots is null ? null : n => sourceBots.Contains(n) || sourceBots.Contains(NickVariants.BaseNick(n)));
            var have = stored[action.Id].ToList();
            foreach (var (personId, nick) in have.Where(o => !wanted.Exists(w => w.PersonId == o.PersonId)))
            {
                removing.Add(new ItemOwner { ItemId = action.Id, PersonId = personId, Nick = nick });
            }

            foreach (var owner in wanted)
            {
                var row = have.FindIndex(o => o.PersonId == owner.PersonId);
                if (row < 0)
                {
                    adding.Add(new ItemOwner { ItemId = action.Id, PersonId = owner.PersonId, Nick = owner.Nick });
                }
                else if (!string.Equals(have[row].Nick, owner.Nick, StringComparison.Ordinal))
                {
                    renaming.Add((new ItemOwner { ItemId = action.Id, PersonId = owner.PersonId, Nick = have[row].Nick }, owner.Nick));
                }
            }
        }

        // Given to the change tracker only once the reader is done: the rows as stored, then what changes.
        db.ItemOwners.RemoveRange(removing);
        db.ItemOwners.AddRange(adding);
        foreach (var (row, nick) in renaming)
        {
            db.ItemOwners.Attach(row);
            row.Nick = nick;
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (adding.Count, removing.Count, renaming.Count);
    }

    /// <summary>The common words (<see cref="CommonWordNicks"/>), from every item's text read one at a time.</summary>
    private static async Task<HashSet<string>> CommonWordsAsync(TrackerDb db, NickIndex nicks, CancellationToken cancellationToken)
    {
        var attendance = (await db.Attendance.AsNoTracking().Select(a => new { a.PersonId, a.MeetingId }).ToListAsync(cancellationToken))
            .Select(a => (a.PersonId, a.MeetingId)).ToHashSet();
        var counting = new CommonWordNicks.Counter(nicks, (p, m) => attendance.Contains((p, m)));
        await foreach (var item in db.Items.AsNoTracking().Where(i => i.RemovedAt == null)
            .Select(i => new { i.MeetingId, i.Text }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            counting.Add(item.MeetingId, item.Text);
        }

        return counting.CommonWords();
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Action owners refreshed: {Added} added, {Removed} removed, {Renamed} renamed")]
    private partial void LogRefreshed(int added, int removed, int renamed);
}
