using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>
/// What /actions, the home page and GET /api/actions read: the chains of <see cref="AccountabilityService"/> (in
/// memory), filtered, sorted and paged here, then the page's owners read in one query.
/// </summary>
public sealed class ActionQueries(AccountabilityService accountability, IDbContextFactory<TrackerDb> dbFactory)
{
    public async Task<ActionList> ListAsync(ActionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await AccountabilityLookups.TeamsAsync(db, cancellationToken);
        var filter = ActionFilter.Parse(query, out var problem);
        ActionList Empty(string? why) => new(new PageOf<ActionRow>([], page, size, 0), new StateCounts(0, 0, 0), [.. teams.Select(t => t.Link)], accountability.DueDays, why);
        if (filter is null) return Empty(problem);

        var snapshot = await accountability.SnapshotAsync(cancellationToken);
        IEnumerable<ActionChain> chains = snapshot.Actions;
        if (!string.IsNullOrWhiteSpace(query.Team))
        {
            if (await AccountabilityLookups.FindTeamAsync(db, teams, query.Team.Trim(), cancellationToken) is not { } team) return Empty($"No team is called '{query.Team.Trim()}'.");
            chains = chains.Where(c => c.TeamId == team.Id);
        }

        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            if (await AccountabilityLookups.FindPersonAsync(db, query.Person, cancellationToken) is not { } personId) return Empty($"No one is called '{query.Person.Trim()}'.");
            var owned = (await db.ItemOwners.Where(o => o.PersonId == personId).Select(o => o.ItemId).ToListAsync(cancellationToken)).ToHashSet();
            chains = chains.Where(c => owned.Contains(c.Latest.ItemId));
        }

        // One pass: the counts per state, and the chains the state and age filters keep.
        var now = accountability.Now();
        var (open, overdue, dropped) = (0, 0, 0);
        var kept = new List<(ActionChain Chain, ActionState State, int Age)>();
        foreach (var chain in chains)
        {
            var state = chain.InferState(now, accountability.DueDays);
            if (state == ActionState.Open) open++;
            else if (state == ActionState.Overdue) overdue++;
            else dropped++;
            var age = chain.AgeDays(now);
            if (filter.States.Contains(state) && age >= filter.MinAgeDays) kept.Add((chain, state, age));
        }

        var teamOf = teams.ToDictionary(t => t.Id);
        IEnumerable<(ActionChain Chain, ActionState State, int Age)> chosen = filter.Sort switch
        {
            ActionSort.Age => kept.OrderBy(j => j.Chain.First.Time).ThenBy(j => j.Chain.Id),
            ActionSort.Team => kept.OrderBy(j => teamOf.GetValueOrDefault(j.Chain.TeamId)?.Name, StringComparer.OrdinalIgnoreCase)
                .ThenByDescending(j => j.Chain.Latest.Time),
            ActionSort.Carried => kept.OrderByDescending(j => j.Chain.CarriedOver).ThenByDescending(j => j.Chain.Latest.Time),
            _ => kept,
        };
        var shown = chosen.Skip((page - 1) * size).Take(size).ToList();
        var owners = await OwnersAsync(db, [.. shown.Select(j => j.Chain.Latest.ItemId)], cancellationToken);
        var rows = shown.Select(j => Row(j.Chain, j.State, j.Age, teamOf, owners)).ToList();
        return new ActionList(new PageOf<ActionRow>(rows, page, size, kept.Count), new StateCounts(open, overdue, dropped), [.. teams.Select(t => t.Link)], accountability.DueDays);
    }

    private static async Task<ILookup<int, OwnerLink>> OwnersAsync(TrackerDb db, List<int> itemIds, CancellationToken cancellationToken)
    {
        var owners = await db.ItemOwners.AsNoTracking()
            .Where(o => itemIds.Contains(o.ItemId))
            .Select(o => new { o.ItemId, o.Person!.Name, o.Nick })
            .ToListAsync(cancellationToken);
        return owners.OrderBy(o => o.Nick, StringComparer.OrdinalIgnoreCase).ToLookup(o => o.ItemId, o => new OwnerLink(o.Name, o.Nick));
    }

    private static ActionRow Row(
        ActionChain chain, ActionState state, int age, Dictionary<int, AccountabilityLookups.TeamRow> teams, ILookup<int, OwnerLink> owners) => new(
        chain.Id,
        chain.Text,
        [.. owners[chain.Latest.ItemId]],
        teams.GetValueOrDefault(chain.TeamId)?.Link ?? new TeamLink("unnamed", "unnamed"),
        chain.Latest.MeetingId,
        chain.Latest.Number,
        chain.Latest.Time,
        chain.First.MeetingId,
        chain.First.Number,
        chain.First.Time,
        age,
        chain.CarriedOver,
        state.Name());
}
