namespace MeetingTracker.Core.Accountability.Events;

/// <summary>
/// An action as the site shows it: the logs' chain with what people said laid over it (ADR 9). The newest state
/// people set wins over the inferred one, which stays visible beside it. A due date people set replaces the due window:
/// an action nobody set a state for (or set back to open) is open until that day and overdue after it. An action set
/// done that the team carried again in a later meeting is <see cref="Reopened"/>, not silently kept done.
/// </summary>
public sealed record ActionStanding(ActionChain Chain, ActionRecord Record, ActionState Inferred, ActionState State, bool Reopened, bool PastDue)
{
    public int Id => Chain.Id;

    /// <summary>Whether the site replaced the logs' owners (someone took it, was given it, or it was released).</summary>
    public bool OwnersReplaced => Record.Owners is not null;

    /// <summary>Anyone verified may take it: released, asking for help, or owned by nobody.</summary>
    public bool UpForGrabs(bool hasOwners) => State.IsUpForGrabs() || (!hasOwners && !State.IsClosed());

    public static ActionStanding Of(ActionChain chain, ActionRecord record, DateTimeOffset now, int dueDays)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(record);
        var inferred = chain.InferState(now, dueDays);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pastDue = record.DueDate is { } due && due < today;
        var state = record.State ?? inferred;
        var bySiteOpen = record.State == ActionState.Open || (record.State is null && inferred != ActionState.Done);
        if (record.DueDate is not null && bySiteOpen)
        {
            state = pastDue ? ActionState.Overdue : ActionState.Open;
        }

        var reopened = record.State == ActionState.Done && record.StateAt < chain.Latest.Time;
        return new ActionStanding(chain, record, inferred, state, reopened, pastDue && !state.IsClosed());
    }
}
