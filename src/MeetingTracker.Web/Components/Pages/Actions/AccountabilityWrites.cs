using System.Security.Claims;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>The outcome of a change: the event as the history shows it, or a refusal, or no such subject.</summary>
public sealed record WriteOutcome(HistoryEntry? Event, ChangeRefusal? Refusal, bool NotFound = false)
{
    public static readonly WriteOutcome Missing = new(null, null, true);
}

/// <summary>
/// What the API and the pages' forms both do to say something about an action or an idea: find it, work out who
/// the caller is to it (<see cref="Caller"/>), ask <see cref="EventRules"/>, and append the event. The next read of
/// <see cref="EventLedger"/> (this request's redirect, or any node's next request) shows it.
/// </summary>
public sealed class AccountabilityWrites(
    ActionStandings standings, EventLedger ledger, IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock)
{
    /// <param name="alongside">Saved in the same transaction as the event, once it has its id (a one-click answer's use).</param>
    public async Task<WriteOutcome> ActionAsync(
        int chainId, ActionChange change, ClaimsPrincipal user, CancellationToken cancellationToken, Action<TrackerDb, AccountabilityEvent>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(user);
        var now = await standings.ReadAsync(cancellationToken);
        if (now.Find(chainId) is not { } action) return WriteOutcome.Missing;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (caller, hasOwners) = await CallerAsync(db, user, action, cancellationToken);
        var (made, refusal) = EventRules.ForAction(change, caller, action, hasOwners, clock.GetUtcNow());
        if (made is null) return new WriteOutcome(null, refusal);
        if (made.Kind == EventKind.Reassign && await PersonOfNickAsync(db, made.Nick!, cancellationToken) is null)
        {
            return new WriteOutcome(null, ChangeRefusal.Invalid($"No one uses the nick '{made.Nick}'."));
        }

        return await AppendAsync(db, made, cancellationToken, alongside);
    }

    public async Task<WriteOutcome> IdeaAsync(int ideaId, IdeaChange change, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(user);
        var now = await standings.ReadAsync(cancellationToken);
        if (now.Snapshot.Idea(ideaId) is not { } idea) return WriteOutcome.Missing;
        var record = now.Ledger.Idea(ideaId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var caller = await IdeaCallerAsync(db, user, idea, record, cancellationToken);
        var (made, refusal) = EventRules.ForIdea(change, caller, ideaId, record.State ?? IdeaState.Proposed, record.Champion is not null, record.Events, clock.GetUtcNow());
        if (made is null) return new WriteOutcome(null, refusal);
        if (made.Kind == EventKind.Champion && made.Nick is not null && await PersonOfNickAsync(db, made.Nick, cancellationToken) is null)
        {
            return new WriteOutcome(null, ChangeRefusal.Invalid($"No one uses the nick '{made.Nick}'."));
        }

        return await AppendAsync(db, made, cancellationToken);
    }

    /// <summary>Who the signed-in <paramref name="user"/> is to <paramref name="action"/>, and whether anyone owns it.</summary>
    public static async Task<(Caller Caller, bool HasOwners)> CallerAsync(TrackerDb db, ClaimsPrincipal user, ActionStanding action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(action);
        var accountId = FormPosts.AccountId(user);
        var people = await PeopleAsync(db, user, cancellationToken);
        bool owner, hasOwners;
        if (action.Record.Owners is { } given)
        {
            var resolver = await OwnerResolver.LoadAsync(db, given, cancellationToken);
            hasOwners = given.Count > 0;
            owner = given.Any(o => o.AccountId == accountId || resolver.People(o).Any(people.Contains));
        }
        else
        {
            var logOwners = await db.ItemOwners.AsNoTracking().Where(o => o.ItemId == action.Chain.Latest.ItemId).Select(o => o.PersonId).ToListAsync(cancellationToken);
            hasOwners = logOwners.Count > 0;
            owner = logOwners.Any(people.Contains);
        }

        var chair = await AuthorizationHandlers.ChairsTeamAsync(db, people, action.Chain.TeamId);
        return (new Caller(accountId, AuthorizationHandlers.IsAdmin(user), chair, people.Count > 0, owner), hasOwners);
    }

    /// <summary>Who the signed-in <paramref name="user"/> is to an idea: <see cref="Caller.Owner"/> is its author or champion.</summary>
    public static async Task<Caller> IdeaCallerAsync(TrackerDb db, ClaimsPrincipal user, IdeaTrail idea, IdeaRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(idea);
        ArgumentNullException.ThrowIfNull(record);
        var people = await PeopleAsync(db, user, cancellationToken);
        var accountId = FormPosts.AccountId(user);
        var author = idea.Idea.PersonId is { } p && people.Contains(p);
        var champion = record.Champion is { } c && (c.AccountId == accountId || (c.Nick is not null && await PersonOfNickAsync(db, c.Nick, cancellationToken) is { } cp && people.Contains(cp)));
        return new Caller(accountId, AuthorizationHandlers.IsAdmin(user), await AuthorizationHandlers.ChairsTeamAsync(db, people, idea.TeamId), people.Count > 0, author || champion);
    }

    private static async Task<List<int>> PeopleAsync(TrackerDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
        => await Claims.VerifiedPeopleAsync(db, FormPosts.AccountId(user), cancellationToken);

    private static async Task<int?> PersonOfNickAsync(TrackerDb db, string nick, CancellationToken cancellationToken)
    {
        var lower = nick.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF turns ToLower into SQL's lower()
        return await db.PersonAliases.AsNoTracking().Where(a => a.Nick.ToLower() == lower).Select(a => (int?)a.PersonId).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
    }

    private async Task<WriteOutcome> AppendAsync(
        TrackerDb db, AccountabilityEvent made, CancellationToken cancellationToken, Action<TrackerDb, AccountabilityEvent>? alongside = null)
    {
        db.AccountabilityEvents.Add(made);
        if (alongside is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            alongside(db, made);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var view = await ledger.ReadAsync(cancellationToken);
        var events = made.Subject == EventSubject.Action ? view.Action(made.SubjectId).Events : view.Idea(made.SubjectId).Events;
        var names = await OwnerResolver.LoadAsync(db, [new OwnerRef(made.AccountId, null)], cancellationToken);
        return new WriteOutcome(HistoryEntry.Of(events, names).Single(e => e.Id == made.Id), null);
    }
}
