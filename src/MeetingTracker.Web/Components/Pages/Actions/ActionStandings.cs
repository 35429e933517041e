using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>
/// Where every action stands for one request: the chains of <see cref="AccountabilityService"/> with the records of
/// <see cref="EventLedger"/> laid over them (<see cref="ActionStanding"/>, ADR 9). Every page, feed and API answer that
/// shows an action's state reads it here, so they all say the same, and a change is seen on the next request.
/// </summary>
public sealed class ActionStandings(AccountabilityService accountability, EventLedger ledger)
{
    /// <summary>The window of an idea's "what followed" (ADR 9).</summary>
    public int FollowUpDays => accountability.FollowUpDays;

    public async Task<Standings> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await accountability.SnapshotAsync(cancellationToken);
        var view = await ledger.ReadAsync(cancellationToken);
        return new Standings(snapshot, view, accountability.Now(), accountability.DueDays);
    }
}

/// <summary>The chains and what people said of them, as of one moment.</summary>
public sealed class Standings(AccountabilitySnapshot snapshot, LedgerView ledger, DateTimeOffset now, int dueDays)
{
    public AccountabilitySnapshot Snapshot { get; } = snapshot;

    public LedgerView Ledger { get; } = ledger;

    public DateTimeOffset Now { get; } = now;

    public int DueDays { get; } = dueDays;

    public ActionStanding Of(ActionChain chain) => ActionStanding.Of(chain, Ledger.Action(chain.Id), Now, DueDays);

    /// <summary>The chain with this id (its first item's), where it stands; null when there is none.</summary>
    public ActionStanding? Find(int chainId) => Snapshot.Action(chainId) is { } chain ? Of(chain) : null;
}
