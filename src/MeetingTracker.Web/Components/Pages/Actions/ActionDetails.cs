using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Topics;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>A meeting that carried an action: where its item is and its log line.</summary>
public sealed record Occurrence(int MeetingId, string Meeting, DateTimeOffset Time, int ItemNumber, int? Line, string Text);

/// <summary>
/// One event as the history shows it (the API's <c>history</c> entries): who, when, what (<see cref="Kind"/>: state,
/// take, offer, comment, due, reassign, champion, link, undo), from and to which state, the note and link;
/// <see cref="Undone"/> when a later undo names it.
/// </summary>
public sealed record HistoryEntry(
    long Id, DateTimeOffset At, string By, string Kind, string? From, string? To, string? Note, string? Link, DateOnly? DueDate, string? Nick, long? Undoes, bool Undone)
{
    public static IReadOnlyList<HistoryEntry> Of(IReadOnlyList<AccountabilityEvent> events, OwnerResolver names)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(names);
        var undone = events.Where(e => e.Kind == EventKind.Undo).Select(e => e.Undoes).OfType<long>().ToHashSet();
        return [.. events.Select(e => new HistoryEntry(
            e.Id, e.At, names.AccountName(e.AccountId), KindName(e.Kind), e.From, e.To, e.Note, e.Link, e.DueDate, e.Nick, e.Undoes, undone.Contains(e.Id)))];
    }

    public static string KindName(EventKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>An offer of help as the owners see it.</summary>
public sealed record OfferRow(string By, DateTimeOffset At, string? Note);

/// <summary>Everything /actions/{id} and GET /api/actions/{id} show of one chain.</summary>
public sealed record ActionDetail(
    ActionRow Row,
    ActionStanding Standing,
    IReadOnlyList<OwnerLink> EarlierOwners,
    IReadOnlyList<Occurrence> Meetings,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OfferRow> Offers,
    bool HasOwners,
    IReadOnlyList<HeldMeeting> Skipped,
    Projects.ReferencedText References);

/// <summary>
/// One chain, whole: its meetings with their lines, owners now and before, offers and history. Kept while the
/// snapshot and the events are the same and within the minute (its state and age follow the clock), so a busy
/// action's page pays its half-dozen queries once, and a change is on the next request.
/// </summary>
public sealed class ActionDetails(ActionStandings standings, IDbContextFactory<TrackerDb> dbFactory, Projects.ItemReferences references)
{
    private const int Kept = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (Standings At, ActionDetail Detail)> kept = new();

    public async Task<ActionDetail?> FindAsync(int chainId, CancellationToken cancellationToken)
    {
        var now = await standings.ReadAsync(cancellationToken);
        if (kept.TryGetValue(chainId, out var known) && Same(known.At, now)) return known.Detail;
        if (await ReadAsync(now, chainId, cancellationToken) is not { } detail) return null;
        if (kept.Count >= Kept) kept.Clear();
        kept[chainId] = (now, detail);
        return detail;
    }

    private static bool Same(Standings a, Standings b)
        => ReferenceEquals(a.Snapshot, b.Snapshot) && ReferenceEquals(a.Ledger, b.Ledger) && a.Now.Ticks / TimeSpan.TicksPerMinute == b.Now.Ticks / TimeSpan.TicksPerMinute;

    private async Task<ActionDetail?> ReadAsync(Standings now, int chainId, CancellationToken cancellationToken)
    {
        if (now.Find(chainId) is not { } standing) return null;
        var chain = standing.Chain;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == chain.TeamId).Select(t => new TeamLink(t.Key, t.Name)).FirstOrDefaultAsync(cancellationToken)
            ?? new TeamLink("unnamed", "unnamed");
        var owners = await OwnerLinks.OfAsync(db, [standing], cancellationToken);
        var record = standing.Record;
        var names = await OwnerResolver.LoadAsync(
            db, record.Events.Select(e => new OwnerRef(e.AccountId, null)).Concat(record.EarlierOwners).Concat(record.Offers.Select(o => new OwnerRef(o.AccountId, null))), cancellationToken);
        var earlier = new List<OwnerLink>();
        if (standing.OwnersReplaced)
        {
            earlier.AddRange(await LogOwnersAsync(db, chain.Latest.ItemId, cancellationToken));
            earlier.AddRange(record.EarlierOwners.Select(names.Link).Where(o => !earlier.Contains(o)));
        }

        var row = new ActionRow(
            chain.Id, chain.Text, [.. owners[chain.Id]], team, chain.Latest.MeetingId, chain.Latest.Number, chain.Latest.Time, chain.First.MeetingId,
            chain.First.Number, chain.First.Time, chain.AgeDays(now.Now), chain.CarriedOver, standing.State.Name(), standing.Inferred.Name(), record.DueDate,
            standing.Reopened);
        var occurrences = await OccurrencesAsync(db, chain, cancellationToken);
        return new ActionDetail(
            row,
            standing,
            earlier,
            occurrences,
            HistoryEntry.Of(record.Events, names),
            [.. record.Offers.Select(o => new OfferRow(names.AccountName(o.AccountId), o.At, o.Note))],
            row.Owners.Count > 0,
            await SkippedAsync(db, standing, cancellationToken),
            await references.ReadAsync(db, chain.TeamId, chain.Text, [.. occurrences.Select(o => (o.MeetingId, o.ItemNumber, o.Line))], cancellationToken));
    }

    // The team's meetings after the action was last carried, while it was open, that did not mention it (SkippedActions):
    // the first few meetings are read, with what was said in them (their log, else their minutes).
    private static async Task<IReadOnlyList<HeldMeeting>> SkippedAsync(TrackerDb db, ActionStanding standing, CancellationToken cancellationToken)
    {
        var chain = standing.Chain;
        var closedAt = standing.Record.State is { } state && state.IsClosed() ? standing.Record.StateAt : chain.DoneInLogs?.Time;
        var latest = chain.Latest.Time;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.TeamId == chain.TeamId && m.StartedAt > latest && m.Id != chain.Latest.MeetingId)
            .OrderBy(m => m.StartedAt).ThenBy(m => m.Id).Take(SkippedActions.MaxListed * 4)
            .Select(m => new { m.Id, m.Title, m.MeetingKey, m.StartedAt }).ToListAsync(cancellationToken);
        if (closedAt is { } closed) meetings.RemoveAll(m => m.StartedAt >= closed);
        if (meetings.Count == 0) return [];
        var ids = meetings.Select(m => m.Id).ToList();
        var lines = (await db.Lines.AsNoTracking().Where(l => ids.Contains(l.MeetingId)).Select(l => new { l.MeetingId, l.Text }).ToListAsync(cancellationToken))
            .ToLookup(l => l.MeetingId, l => l.Text);
        var items = (await db.Items.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.RemovedAt == null).Select(i => new { i.MeetingId, i.Text }).ToListAsync(cancellationToken))
            .ToLookup(i => i.MeetingId, i => i.Text);
        var held = meetings.Select(m => new HeldMeeting(m.Id, m.Title ?? m.MeetingKey, m.StartedAt, lines[m.Id].Any() ? [.. lines[m.Id]] : [.. items[m.Id]]));
        return SkippedActions.Find(chain.Text, chain.Id, latest, closedAt, held);
    }

    private static async Task<List<OwnerLink>> LogOwnersAsync(TrackerDb db, int itemId, CancellationToken cancellationToken)
        => await db.ItemOwners.AsNoTracking().Where(o => o.ItemId == itemId).OrderBy(o => o.Nick).Select(o => new OwnerLink(o.Person!.Name, o.Nick)).ToListAsync(cancellationToken);

    // The team's action items between the chain's first and latest occurrence with the chain's normalised text: the
    // chain builder's own rule, so the list is exactly the meetings it counted (one per meeting, the last said).
    private static async Task<List<Occurrence>> OccurrencesAsync(TrackerDb db, ActionChain chain, CancellationToken cancellationToken)
    {
        var (first, latest) = (chain.First.Time, chain.Latest.Time);
        var rows = await db.Items.AsNoTracking()
            .Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null && i.Meeting!.TeamId == chain.TeamId && i.Time >= first && i.Time <= latest)
            .Select(i => new { i.Id, i.MeetingId, i.Meeting!.Title, i.Meeting.StartedAt, i.Number, i.Line, i.Time, i.Text })
            .ToListAsync(cancellationToken);
        var key = ActionText.Normalize(chain.Text);
        return [.. rows.Where(r => string.Equals(ActionText.Normalize(r.Text), key, StringComparison.Ordinal))
            .OrderBy(r => r.Time).ThenBy(r => r.Id)
            .GroupBy(r => r.MeetingId)
            .Select(g => g.Last())
            .OrderBy(r => r.StartedAt)
            .Select(r => new Occurrence(r.MeetingId, r.Title ?? "meeting", r.Time, r.Number, r.Line, r.Text))];
    }
}
