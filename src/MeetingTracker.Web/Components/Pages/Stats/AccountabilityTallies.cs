using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Stats;

/// <summary>
/// The accountability statistics (<see cref="AccountabilityStats"/>) for /stats, the team and the person pages. The
/// tallies of every chain and idea (tens of milliseconds on a large site) are kept for one pair of snapshot and
/// ledger view, the objects <see cref="ActionStandings"/> hands out: a harvest or a new event makes new ones, so the
/// next request counts again and never shows numbers older than what people said.
/// </summary>
public sealed class AccountabilityTallies(ActionStandings standings, IDbContextFactory<TrackerDb> dbFactory)
{
    private volatile Kept? held;

    public async Task<IReadOnlyList<Tally>> AllAsync(CancellationToken cancellationToken) => Held(await standings.ReadAsync(cancellationToken)).Tallies;

    /// <summary>The counts of the team's actions and ideas (kept with the tallies).</summary>
    public async Task<AccountabilityCounts> TeamAsync(int teamId, CancellationToken cancellationToken)
    {
        var held = Held(await standings.ReadAsync(cancellationToken));
        return held.Teams.GetOrAdd(teamId, id => AccountabilityCounts.Of(held.Tallies.Where(t => t.TeamId == id)));
    }

    /// <summary>
    /// The counts of a person: the actions they own (the logs' or the site's owners) and the ideas they raised or
    /// champion; released and taken over by their accounts (verified claims of the person).
    /// </summary>
    public async Task<AccountabilityCounts> PersonAsync(int personId, CancellationToken cancellationToken)
    {
        var now = await standings.ReadAsync(cancellationToken);
        var kept = Held(now);
        if (kept.People.TryGetValue(personId, out var known)) return known;
        var counts = await CountPersonAsync(now, kept.Tallies, personId, cancellationToken);
        kept.People[personId] = counts;
        return counts;
    }

    // A person's claims change their counts (released, taken over by their accounts): a claim decided since is seen
    // once the tallies are counted again (the next event or harvest).
    private async Task<AccountabilityCounts> CountPersonAsync(Standings now, IReadOnlyList<Tally> tallies, int personId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owned = (await ActionQueries.OwnedAsync(db, now, personId, cancellationToken)).Select(c => c.Id).ToHashSet();
        var accounts = (await db.NickClaims.AsNoTracking().Where(c => c.PersonId == personId && c.Status == ClaimStatus.Verified)
            .Select(c => c.AccountId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var ideas = now.Snapshot.Ideas
            .Where(i => i.Idea.PersonId == personId || now.Ledger.Idea(i.Idea.ItemId).Champion?.AccountId is { } a && accounts.Contains(a))
            .Select(i => i.Idea.ItemId).ToHashSet();
        return AccountabilityCounts.Of(tallies.Where(t => t.Kind switch
        {
            TallyKind.Released or TallyKind.TakenOver => t.AccountId is { } a && accounts.Contains(a),
            TallyKind.IdeaImplemented => ideas.Contains(t.SubjectId),
            _ => owned.Contains(t.SubjectId),
        }));
    }

    private Kept Held(Standings now)
    {
        if (held is { } h && ReferenceEquals(h.Snapshot, now.Snapshot) && ReferenceEquals(h.Ledger, now.Ledger)) return h;
        var tallies = AccountabilityStats.Tallies(now.Snapshot.Actions, now.Snapshot.Ideas, now.Ledger, now.Now, now.DueDays);
        var fresh = new Kept(now.Snapshot, now.Ledger, tallies, new(), new());
        held = fresh;
        return fresh;
    }

    /// <summary>The tallies of one snapshot and ledger view, and the team and person counts asked of them so far.</summary>
    private sealed record Kept(
        AccountabilitySnapshot Snapshot,
        Core.Accountability.Events.LedgerView Ledger,
        IReadOnlyList<Tally> Tallies,
        System.Collections.Concurrent.ConcurrentDictionary<int, AccountabilityCounts> Teams,
        System.Collections.Concurrent.ConcurrentDictionary<int, AccountabilityCounts> People);
}
