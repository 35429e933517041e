using System.Collections.Immutable;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accountability.Events;

/// <summary>Every action's and idea's record, as of one read of the events table.</summary>
public sealed class LedgerView(
    ImmutableDictionary<int, ActionRecord> actions, ImmutableDictionary<int, IdeaRecord> ideas, ImmutableList<AccountabilityEvent> recent, long lastId,
    int folded, ImmutableHashSet<long> seen)
{
    public static readonly LedgerView Empty = new(ImmutableDictionary<int, ActionRecord>.Empty, ImmutableDictionary<int, IdeaRecord>.Empty, [], 0, 0, []);

    /// <summary>How many events are folded in.</summary>
    public int Folded { get; } = folded;

    /// <summary>
    /// The ids of the events folded in that a look for late rows could still find (stamped within
    /// <see cref="EventLedger.LateWindow"/>); older ones are not kept (a set of every id cost 5.6 MB at 100,000 events).
    /// </summary>
    public ImmutableHashSet<long> Seen { get; } = seen;

    public ImmutableDictionary<int, ActionRecord> Actions { get; } = actions;

    public ImmutableDictionary<int, IdeaRecord> Ideas { get; } = ideas;

    /// <summary>The newest events of every subject (at most <see cref="EventLedger.RecentKept"/>), newest first.</summary>
    public ImmutableList<AccountabilityEvent> Recent { get; } = recent;

    public long LastId { get; } = lastId;

    public ActionRecord Action(int chainId) => Actions.GetValueOrDefault(chainId) ?? ActionRecord.Empty;

    public IdeaRecord Idea(int ideaId) => Ideas.GetValueOrDefault(ideaId) ?? IdeaRecord.Empty;
}

/// <summary>
/// The events table folded in memory. Events are only ever appended, so each <see cref="ReadAsync"/> asks the
/// database only whether there are rows newer than the last it saw (index seeks that find nothing on most requests,
/// taken side by side without a lock), and when there are, reads them under a lock and refolds just the subjects they
/// touch; another process's or node's change is seen on the next request. Rows that commit out of id order
/// (PostgreSQL sequences can) are caught by also asking for the last <see cref="LateWindow"/>.
/// </summary>
public sealed class EventLedger(IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock) : IDisposable
{
    public const int RecentKept = 200;

    public static readonly TimeSpan LateWindow = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);

    // The texts of events repeat (one account's id on each of its events, state names, stock comments): one copy each.
    private readonly HashSet<string> texts = new(StringComparer.Ordinal);

    // The ids in the view's Seen, with their stamps, to let them go once no look for late rows can find them.
    private readonly List<(long Id, DateTimeOffset At)> seenStamps = [];
    private volatile LedgerView view = LedgerView.Empty;

    /// <summary>The records with every event committed before this call.</summary>
    public async Task<LedgerView> ReadAsync(CancellationToken cancellationToken)
    {
        // Most requests find nothing new: two index seeks, no lock (requests run side by side).
        var current = view;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await AnyNewAsync(db, current, cancellationToken)) return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            current = view;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var fresh = await NewAsync(db, current, cancellationToken);
            if (fresh.Count == 0) return current;
            view = Apply(current, fresh);
            return view;
        }
        finally
        {
            gate.Release();
        }
    }

    // Two queries rather than one with OR: SQLite answers "Id > @last OR At >= @since" with a scan of the whole table.
    private async Task<bool> AnyNewAsync(TrackerDb db, LedgerView current, CancellationToken cancellationToken)
    {
        var last = current.LastId;
        if (await anyAfter(db, last)) return true;
        if (last == 0 || !LooksLate(db)) return false;
        var since = clock.GetUtcNow() - LateWindow;
        var recent = await db.AccountabilityEvents.Where(e => e.At >= since && e.Id <= last).Select(e => e.Id).ToListAsync(cancellationToken);
        return recent.Exists(id => !current.Seen.Contains(id));
    }

    // Compiled once per ledger: every request asks it, and most find nothing. Not static: a compiled query is bound to
    // the model it first ran with, and one process may hold hosts on two engines (copy-data's tests serve a SQLite
    // installation and its PostgreSQL copy side by side).
    private readonly Func<TrackerDb, long, Task<bool>> anyAfter =
        EF.CompileAsyncQuery((TrackerDb db, long last) => db.AccountabilityEvents.Any(e => e.Id > last));

    /// <summary>
    /// SQLite has one writer at a time and gives ids as it writes, so rows commit in id order and the late window is
    /// not needed there; servers with concurrent writers (PostgreSQL) need it.
    /// </summary>
    private bool LooksLate(TrackerDb db) => LookForLateRows ?? db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) != true;

    /// <summary>Whether to ask for the late window's rows: null (the default) decides by the database provider.</summary>
    public bool? LookForLateRows { get; init; }

    private async Task<List<AccountabilityEvent>> NewAsync(TrackerDb db, LedgerView current, CancellationToken cancellationToken)
    {
        var last = current.LastId;
        var fresh = await db.AccountabilityEvents.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        if (last > 0 && LooksLate(db))
        {
            var since = clock.GetUtcNow() - LateWindow;
            fresh.AddRange(await db.AccountabilityEvents.AsNoTracking().Where(e => e.At >= since && e.Id <= last).ToListAsync(cancellationToken));
        }

        fresh.RemoveAll(e => current.Seen.Contains(e.Id));
        fresh.Sort((a, b) => a.Id.CompareTo(b.Id));
        return fresh;
    }

    public void Dispose() => gate.Dispose();

    // Under the gate. Each touched subject is folded again from the events its record holds and the new ones.
    private LedgerView Apply(LedgerView current, List<AccountabilityEvent> fresh)
    {
        foreach (var e in fresh) Share(e);
        var actions = current.Actions.ToBuilder();
        var ideas = current.Ideas.ToBuilder();
        foreach (var subject in fresh.GroupBy(e => (e.Subject, e.SubjectId)))
        {
            var id = subject.Key.SubjectId;
            if (subject.Key.Subject == EventSubject.Action)
            {
                actions[id] = ActionRecord.Fold(Merge(actions.GetValueOrDefault(id)?.Events, subject));
            }
            else
            {
                ideas[id] = IdeaRecord.Fold(Merge(ideas.GetValueOrDefault(id)?.Events, subject));
            }
        }

        var recent = current.Recent.InsertRange(0, fresh.AsEnumerable().Reverse()).Sort((a, b) => b.Id.CompareTo(a.Id));
        if (recent.Count > RecentKept) recent = recent.RemoveRange(RecentKept, recent.Count - RecentKept);
        return new LedgerView(actions.ToImmutable(), ideas.ToImmutable(), recent, Math.Max(current.LastId, fresh.Max(e => e.Id)), current.Folded + fresh.Count, Seen(fresh));
    }

    private static List<AccountabilityEvent> Merge(IReadOnlyList<AccountabilityEvent>? held, IEnumerable<AccountabilityEvent> fresh)
    {
        var list = held is null ? [.. fresh] : held.Concat(fresh).ToList();
        list.Sort((a, b) => a.Id.CompareTo(b.Id));
        return list;
    }

    // A late row is looked for only among those stamped within the window of now (AnyNewAsync, NewAsync), and the clock
    // only moves on: an id stamped before that can never come back.
    private ImmutableHashSet<long> Seen(List<AccountabilityEvent> fresh)
    {
        var since = clock.GetUtcNow() - LateWindow;
        seenStamps.RemoveAll(s => s.At < since);
        seenStamps.AddRange(fresh.Where(e => e.At >= since).Select(e => (e.Id, e.At)));
        return [.. seenStamps.Select(s => s.Id)];
    }

    private void Share(AccountabilityEvent e)
    {
        e.AccountId = Shared(e.AccountId)!;
        e.From = Shared(e.From);
        e.To = Shared(e.To);
        e.Note = Shared(e.Note);
        e.Link = Shared(e.Link);
        e.Nick = Shared(e.Nick);
    }

    private string? Shared(string? text)
    {
        if (text is null) return null;
        if (texts.TryGetValue(text, out var held)) return held;
        texts.Add(text);
        return text;
    }
}
