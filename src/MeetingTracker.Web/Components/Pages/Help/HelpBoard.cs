using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Help;

/// <summary>
/// /help and GET /api/help: everything that needs a hand, newest first. <c>#help</c> items of the minutes; actions
/// whose owners asked for help (need help) or released them (no time: nobody owns them now); ideas nobody champions
/// that are proposed or accepted. Actions the logs named nobody for are left out: the minutes are full of them, and
/// they would bury what someone actually asked for.
/// <para>
/// Fast without a scan per request: the <c>#help</c> items are read in one query when the snapshot's data stamp
/// changes, the actions and ideas come from the in-memory snapshot and ledger, and the merged, ordered board is kept
/// until either changes (only events people set can put an action on it, so the clock plays no part). A request
/// filters and pages that list and reads only the teams (a few dozen rows).
/// </para>
/// </summary>
public sealed class HelpBoard(ActionStandings standings, IDbContextFactory<TrackerDb> dbFactory) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Built? built;

    public async Task<HelpList> ListAsync(HelpQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await AccountabilityLookups.TeamsAsync(db, cancellationToken);
        var links = teams.Select(t => t.Link).ToList();
        IEnumerable<Entry> entries = await EntriesAsync(db, cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Team))
        {
            if (await AccountabilityLookups.FindTeamAsync(db, teams, query.Team.Trim(), cancellationToken) is not { } team)
            {
                return new HelpList(new PageOf<HelpRow>([], page, size, 0), links, $"No team is called '{query.Team.Trim()}'.");
            }

            entries = entries.Where(e => e.TeamId == team.Id);
        }

        var matching = entries as IReadOnlyCollection<Entry> ?? [.. entries];
        var teamOf = teams.ToDictionary(t => t.Id, t => t.Link);
        var rows = matching.Skip((page - 1) * size).Take(size)
            .Select(e => new HelpRow(e.Kind, e.Id, e.Text, teamOf.GetValueOrDefault(e.TeamId) ?? new TeamLink("unnamed", "unnamed"), e.Time, e.State, e.MeetingId, e.ItemNumber))
            .ToList();
        return new HelpList(new PageOf<HelpRow>(rows, page, size, matching.Count), links);
    }

    private async Task<IReadOnlyList<Entry>> EntriesAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        var now = await standings.ReadAsync(cancellationToken);
        if (built is { } b && ReferenceEquals(b.Snapshot, now.Snapshot) && ReferenceEquals(b.Ledger, now.Ledger)) return b.Entries;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = built;
            if (current is not null && ReferenceEquals(current.Snapshot, now.Snapshot) && ReferenceEquals(current.Ledger, now.Ledger)) return current.Entries;
            var helpItems = current is not null && current.Snapshot.Stamp == now.Snapshot.Stamp ? current.HelpItems : await HelpItemsAsync(db, cancellationToken);
            var entries = new List<Entry>(helpItems);
            foreach (var (chainId, record) in now.Ledger.Actions)
            {
                if (now.Snapshot.Action(chainId) is not { } chain) continue;
                var standing = now.Of(chain);
                if (standing.State is not (ActionState.NeedHelp or ActionState.NoTime)) continue;
                entries.Add(new Entry(HelpKind.Action, chain.Id, chain.Text, chain.TeamId, record.StateAt ?? chain.Latest.Time, standing.State.Name(), chain.Latest.MeetingId, chain.Latest.Number));
            }

            foreach (var trail in now.Snapshot.Ideas)
            {
                var record = now.Ledger.Ideas.GetValueOrDefault(trail.Idea.ItemId);
                if (record?.Champion is not null || record?.State is IdeaState.InProgress or IdeaState.Implemented or IdeaState.Declined) continue;
                var idea = trail.Idea;
                entries.Add(new Entry(HelpKind.Idea, idea.ItemId, idea.Text, trail.TeamId, idea.Time, (record?.State ?? IdeaState.Proposed).Name(), idea.MeetingId, idea.Number));
            }

            entries.Sort((x, y) => (y.Time, y.Kind, y.Id).CompareTo((x.Time, x.Kind, x.Id)));
            built = new Built(now.Snapshot, now.Ledger, helpItems, entries);
            return entries;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Every <c>#help</c> item not removed: one projected query.</summary>
    private static async Task<List<Entry>> HelpItemsAsync(TrackerDb db, CancellationToken cancellationToken)
        => await db.Items.AsNoTracking()
            .Where(i => i.Kind == ItemKind.Help && i.RemovedAt == null)
            .Select(i => new Entry(HelpKind.Help, i.Id, i.Text, i.Meeting!.TeamId, i.Time, null, i.MeetingId, i.Number))
            .ToListAsync(cancellationToken);

    private sealed record Entry(HelpKind Kind, int Id, string Text, int TeamId, DateTimeOffset Time, string? State, int MeetingId, int ItemNumber);

    private sealed record Built(AccountabilitySnapshot Snapshot, LedgerView Ledger, List<Entry> HelpItems, List<Entry> Entries);
}
