using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Ideas;

/// <summary>
/// What /ideas, the home page and GET /api/ideas read: the idea trails of <see cref="AccountabilityService"/>, newest
/// first, with what people said of them (<see cref="EventLedger"/>: state and champion).
/// </summary>
public sealed class IdeaQueries(ActionStandings standings, IDbContextFactory<TrackerDb> dbFactory)
{
    public const string With = "with";
    public const string Without = "without";

    public static bool IsFollowUpFilter(string? value)
        => string.IsNullOrWhiteSpace(value) || IsWith(value) || string.Equals(value.Trim(), Without, StringComparison.OrdinalIgnoreCase);

    /// <summary>Empty (every state) or a state's name.</summary>
    public static bool IsStateFilter(string? value) => string.IsNullOrWhiteSpace(value) || IdeaStates.Parse(value) is not null;

    /// <summary>The state shown: what people set last, else proposed.</summary>
    public static IdeaState StateOf(IdeaRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State ?? IdeaState.Proposed;
    }

    public async Task<IdeaList> ListAsync(IdeaQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await AccountabilityLookups.TeamsAsync(db, cancellationToken);
        IdeaList Empty(string why) => new(new PageOf<IdeaRow>([], page, size, 0), [.. teams.Select(t => t.Link)], standings.FollowUpDays, why);
        if (!IsFollowUpFilter(query.FollowUp)) return Empty($"Unknown follow-up filter '{query.FollowUp}': use with or without.");
        if (!IsStateFilter(query.State)) return Empty(UnknownState(query.State));

        var now = await standings.ReadAsync(cancellationToken);
        IEnumerable<IdeaTrail> ideas = now.Snapshot.Ideas;
        if (!string.IsNullOrWhiteSpace(query.Team))
        {
            if (await AccountabilityLookups.FindTeamAsync(db, teams, query.Team.Trim(), cancellationToken) is not { } team) return Empty($"No team is called '{query.Team.Trim()}'.");
            ideas = ideas.Where(i => i.TeamId == team.Id);
        }

        if (!string.IsNullOrWhiteSpace(query.FollowUp))
        {
            var with = IsWith(query.FollowUp);
            ideas = ideas.Where(i => i.FollowedBy.Count > 0 == with);
        }

        if (IdeaStates.Parse(query.State) is { } state)
        {
            ideas = ideas.Where(i => StateOf(now.Ledger.Idea(i.Idea.ItemId)) == state);
        }

        var matching = ideas.ToList();
        var shown = matching.Skip((page - 1) * size).Take(size).ToList();
        var rows = await RowsAsync(db, teams, shown, now.Ledger, cancellationToken);
        return new IdeaList(new PageOf<IdeaRow>(rows, page, size, matching.Count), [.. teams.Select(t => t.Link)], standings.FollowUpDays);
    }

    public static string UnknownState(string? state) => $"Unknown state '{state}': use {string.Join(", ", IdeaStates.All.Select(s => s.Name()))}.";

    /// <summary>The rows of <paramref name="shown"/>: a query for their authors' names, one for their champions.</summary>
    public static async Task<List<IdeaRow>> RowsAsync(
        TrackerDb db, IReadOnlyList<AccountabilityLookups.TeamRow> teams, IReadOnlyList<IdeaTrail> shown, LedgerView ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(ledger);
        var personIds = shown.Select(i => i.Idea.PersonId).OfType<int>().Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var champions = shown.Select(i => ledger.Idea(i.Idea.ItemId).Champion).OfType<OwnerRef>().ToList();
        var resolver = champions.Count == 0 ? null : await OwnerResolver.LoadAsync(db, champions, cancellationToken);
        var teamOf = teams.ToDictionary(t => t.Id);
        return [.. shown.Select(i =>
        {
            var record = ledger.Idea(i.Idea.ItemId);
            return new IdeaRow(
                i.Idea.ItemId,
                i.Idea.Text,
                i.Idea.Nick,
                i.Idea.PersonId is { } id ? names.GetValueOrDefault(id) : null,
                teamOf.GetValueOrDefault(i.TeamId)?.Link ?? new TeamLink("unnamed", "unnamed"),
                i.Idea.MeetingId,
                i.Idea.Number,
                i.Idea.Time,
                [.. i.FollowedBy.Select(f => new FollowUpRow(f.MeetingId, f.Number, KindName(f.Kind), f.Time, f.Text))],
                StateOf(record).Name(),
                record.Champion is { } c ? resolver!.Link(c) : null);
        })];
    }

    private static bool IsWith(string value) => string.Equals(value.Trim(), With, StringComparison.OrdinalIgnoreCase);

    private static string KindName(Core.Meetbot.ItemKind kind) => kind.ToString().ToLowerInvariant();
}
