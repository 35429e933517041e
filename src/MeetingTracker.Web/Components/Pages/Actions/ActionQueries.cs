using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>
/// What /actions, the home page and GET /api/actions read: the chains of <see cref="AccountabilityService"/> (in
/// memory) where they stand (<see cref="ActionStandings"/>), filtered, sorted and paged here, then the page's owners
/// read in one query (the logs' owners, or those the site gave the action).
/// </summary>
public sealed class ActionQueries(AccountabilityService accountability, ActionStandings standings, IDbContextFactory<TrackerDb> dbFactory)
{
    /// <summary>Lists kept for one pair of snapshot and ledger view within one minute; past this many, not kept.</summary>
    private const int MaxKept = 1_000;

    private volatile KeptLists? kept;

    /// <summary>
    /// One page of actions. A list walks every chain (tens of milliseconds on a large site, and the home page, /actions
    /// and the API ask for the same few): it is kept while the snapshot and the events are the same, within the minute
    /// (ages and due dates follow the clock), so a new event or harvest is on the next request; concurrent requests
    /// for a list not kept share its build.
    /// </summary>
    public async Task<ActionList> ListAsync(ActionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = await standings.ReadAsync(cancellationToken);
        var minute = now.Now.Ticks / TimeSpan.TicksPerMinute;
        var lists = kept;
        if (lists is null || !ReferenceEquals(lists.Snapshot, now.Snapshot) || !ReferenceEquals(lists.Ledger, now.Ledger) || lists.Minute != minute)
        {
            lists = new KeptLists(now.Snapshot, now.Ledger, minute, new());
            kept = lists;
        }

        if (lists.Lists.Count >= MaxKept && !lists.Lists.ContainsKey(query)) return await BuildAsync(query, now, cancellationToken);
        var build = lists.Lists.GetOrAdd(query, q => new Lazy<Task<ActionList>>(() => BuildAsync(q, now, CancellationToken.None)));
        try
        {
            return await build.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed build is not kept: the next request tries again.
            lists.Lists.TryRemove(KeyValuePair.Create(query, build));
            throw;
        }
    }

    private async Task<ActionList> BuildAsync(ActionQuery query, Standings standings1, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await AccountabilityLookups.TeamsAsync(db, cancellationToken);
        var filter = ActionFilter.Parse(query, out var problem);
        ActionList Empty(string? why) => new(new PageOf<ActionRow>([], page, size, 0), new StateCounts(0, 0, 0), [.. teams.Select(t => t.Link)], accountability.DueDays, why);
        if (filter is null) return Empty(problem);

        IEnumerable<ActionChain> chains = standings1.Snapshot.Actions;
        if (!string.IsNullOrWhiteSpace(query.Team))
        {
            if (await AccountabilityLookups.FindTeamAsync(db, teams, query.Team.Trim(), cancellationToken) is not { } team) return Empty($"No team is called '{query.Team.Trim()}'.");
            chains = chains.Where(c => c.TeamId == team.Id);
        }

        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            if (await AccountabilityLookups.FindPersonAsync(db, query.Person, cancellationToken) is not { } personId) return Empty($"No one is called '{query.Person.Trim()}'.");
            var owned = await OwnedAsync(db, standings1, personId, cancellationToken);
            chains = chains.Where(owned.Contains);
        }

        // One pass: the counts per state, and the chains the state and age filters keep.
        var now = standings1.Now;
        var all = new List<ActionState>();
        var kept = new List<(ActionChain Chain, ActionStanding State, int Age)>();
        foreach (var chain in chains)
        {
            var standing = standings1.Of(chain);
            all.Add(standing.State);
            var age = chain.AgeDays(now);
            if (filter.States.Contains(standing.State) && age >= filter.MinAgeDays) kept.Add((chain, standing, age));
        }

        var teamOf = teams.ToDictionary(t => t.Id);
        IEnumerable<(ActionChain Chain, ActionStanding State, int Age)> chosen = filter.Sort switch
        {
            ActionSort.Age => kept.OrderBy(j => j.Chain.First.Time).ThenBy(j => j.Chain.Id),
            ActionSort.Team => kept.OrderBy(j => teamOf.GetValueOrDefault(j.Chain.TeamId)?.Name, StringComparer.OrdinalIgnoreCase)
                .ThenByDescending(j => j.Chain.Latest.Time),
            ActionSort.Carried => kept.OrderByDescending(j => j.Chain.CarriedOver).ThenByDescending(j => j.Chain.Latest.Time),
            _ => kept,
        };
        var shown = chosen.Skip((page - 1) * size).Take(size).ToList();
        var owners = await OwnerLinks.OfAsync(db, [.. shown.Select(j => j.State)], cancellationToken);
        var rows = shown.Select(j => Row(j.State, j.Age, teamOf, owners)).ToList();
        return new ActionList(new PageOf<ActionRow>(rows, page, size, kept.Count), StateCounts.Of(all), [.. teams.Select(t => t.Link)], accountability.DueDays);
    }

    /// <summary>The chains a person owns now: through the logs (where the site did not replace the owners) or given by the site.</summary>
    public static async Task<HashSet<ActionChain>> OwnedAsync(TrackerDb db, Standings standings, int personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(standings);
        var items = (await db.ItemOwners.Where(o => o.PersonId == personId).Select(o => o.ItemId).ToListAsync(cancellationToken)).ToHashSet();
        var replaced = standings.Ledger.Actions.Where(a => a.Value.Owners is not null).ToList();
        var resolver = await OwnerResolver.LoadAsync(db, replaced.SelectMany(a => a.Value.Owners!), cancellationToken);
        var given = replaced.Where(a => a.Value.Owners!.Any(o => resolver.People(o).Contains(personId))).Select(a => a.Key).ToHashSet();
        return [.. standings.Snapshot.Actions.Where(c => standings.Ledger.Action(c.Id).Owners is null ? items.Contains(c.Latest.ItemId) : given.Contains(c.Id))];
    }

    private static ActionRow Row(ActionStanding standing, int age, Dictionary<int, AccountabilityLookups.TeamRow> teams, ILookup<int, OwnerLink> owners)
    {
        var chain = standing.Chain;
        return new(
            chain.Id,
            chain.Text,
            [.. owners[chain.Id]],
            teams.GetValueOrDefault(chain.TeamId)?.Link ?? new TeamLink("unnamed", "unnamed"),
            chain.Latest.MeetingId,
            chain.Latest.Number,
            chain.Latest.Time,
            chain.First.MeetingId,
            chain.First.Number,
            chain.First.Time,
            age,
            chain.CarriedOver,
            standing.State.Name(),
            standing.Inferred.Name(),
            standing.Record.DueDate,
            standing.Reopened);
    }

    private sealed record KeptLists(
        AccountabilitySnapshot Snapshot,
        LedgerView Ledger,
        long Minute,
        System.Collections.Concurrent.ConcurrentDictionary<ActionQuery, Lazy<Task<ActionList>>> Lists);
}
